using System.Text.Json;
using Screening.Cli.Tests.Infrastructure;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>Bulk screening of CSV files: broken rows, unknown columns, JSON Lines output and resume.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreenFileTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "screenctl-" + Guid.NewGuid().ToString("N"));
    private TestHost _host = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        _key = await PlatformSetup.TenantKeyAsync(_host, "bulk-cli-bank", "KZ", "UN");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ScreenFile_BrokenRows_ReportedRestScreenedExitPartial()
    {
        var input = Write("in.csv",
            "reference,name,dob,country,type",
            "c1,Taliban,,AF,entity",
            "c2,Aigerim Nurlanova,1990-04-02,KZ,individual",
            "c3,Ivan Petrov,1975-13-01,RU,individual",
            "c4,\"Smith, John\",1980,GB,individual",
            "c5,,1980,GB,individual",
            "c6,Olga \"Broken,1980,RU,individual",
            "c7,Amir Khan Muttaqi|Amir Khan Motaki,1968,AF,individual",
            "c8,too,many,fields,here,x");
        var output = Path.Combine(_folder, "out.csv");

        var result = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", output, "--as-of", "2023-08-15");

        Assert.True(result.ExitCode == ExitCodes.Partial, result.ToString());
        var reported = ConnectionTests.Lines(result.Error).Where(l => l.Contains(": row ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["in.csv: row 4:", "in.csv: row 6:", "in.csv: row 7:", "in.csv: row 9:"], reported.Select(l => l[..(l.IndexOf(':', l.IndexOf("row", StringComparison.Ordinal)) + 1)]));
        Assert.Contains("1975-13-01", reported[0], StringComparison.Ordinal);
        Assert.Contains("name is empty", reported[1], StringComparison.Ordinal);
        var rows = ReadCsv(output);
        Assert.Equal(["c1", "c2", "c4", "c7"], rows.Select(r => r["reference"]).Order(StringComparer.Ordinal));
        Assert.Equal("POTENTIAL_MATCH", rows.Single(r => r["reference"] == "c1")["decision"]);
        Assert.Equal("KZ/terrorist-organisations", rows.Single(r => r["reference"] == "c1")["top_list_id"]);
        Assert.Equal("CLEAR", rows.Single(r => r["reference"] == "c2")["decision"]);
        Assert.Equal("Smith, John", rows.Single(r => r["reference"] == "c4")["name"]);
        Assert.Equal("5", rows.Single(r => r["reference"] == "c4")["row"]);
        Assert.Equal("UN/consolidated/TAi.026", rows.Single(r => r["reference"] == "c7")["top_designation_id"]);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["screening_id"])));
        Assert.All(rows, r => Assert.Contains("@", r["list_versions"], StringComparison.Ordinal));
        var rejects = File.ReadAllLines(Path.Combine(_folder, "out.rejects.csv"));
        Assert.Equal(5, rejects.Length);
    }

    [Fact]
    public async Task ScreenFile_UnknownColumn_ExitsUsageWithOneLine()
    {
        var input = Write("unknown.csv", "name,phone", "Taliban,123");

        var result = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", Path.Combine(_folder, "unknown-out.csv"));
        var ignored = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", Path.Combine(_folder, "ignored-out.csv"), "--ignore-unknown-columns");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(ConnectionTests.Lines(result.Error));
        Assert.Contains("unknown column 'phone'", line, StringComparison.Ordinal);
        Assert.True(ignored.ExitCode == ExitCodes.Ok, ignored.ToString());
    }

    [Fact]
    public async Task ScreenFile_Resume_ScreensOnlyMissingRows()
    {
        var lines = new List<string> { "name,country" };
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"Customer{i} Testperson,KZ"));
        var input = Write("resume.csv", [.. lines]);
        var output = Path.Combine(_folder, "resume.jsonl");
        var first = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", output);
        Assert.True(first.ExitCode == 0, first.ToString());

        // An interrupted run: 12 complete rows and half of the 13th.
        var written = File.ReadAllLines(output);
        File.WriteAllText(output, string.Join('\n', written.Take(12)) + "\n" + written[12][..10]);
        var kept = written.Take(12).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt64()).ToHashSet();

        var refused = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", output);
        var resumed = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", output, "--resume", "--json");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var summary = JsonDocument.Parse(resumed.Output);
        Assert.Equal(18, summary.RootElement.GetProperty("screened").GetInt64());
        Assert.Equal(12, summary.RootElement.GetProperty("skipped").GetInt64());
        var rows = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(2, 30).Select(i => (long)i), rows.Order());
        Assert.True(kept.IsSubsetOf(rows));
    }

    [Fact]
    public async Task ScreenFile_WrongKey_ExitsAuthWithOneLine()
    {
        var input = Write("auth.csv", "name", "Taliban");

        var result = await Screenctl.RunAsync(_host, "sk_wrong_0123456789abcdef", "screen-file", input, "--out", Path.Combine(_folder, "auth-out.csv"));

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Single(ConnectionTests.Lines(result.Error));
    }

    [Fact]
    public async Task SampleCsv_ThenScreenFile_AllRowsScreened()
    {
        var input = Path.Combine(_folder, "sample.csv");
        var sample = await Screenctl.RunAsync("sample-csv", "--rows", "300", "--out", input);
        var output = Path.Combine(_folder, "sample-out.csv");

        var result = await Screenctl.RunAsync(_host, _key, "screen-file", input, "--out", output, "--json");

        Assert.Equal(0, sample.ExitCode);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var summary = JsonDocument.Parse(result.Output);
        Assert.Equal(300, summary.RootElement.GetProperty("screened").GetInt64());
        Assert.True(summary.RootElement.GetProperty("potentialMatches").GetInt64() >= 1);
        Assert.Equal(301, File.ReadAllLines(output).Length);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var fields = new List<string>();
        Assert.True(Csv.CsvLine.TrySplit(lines[0], ',', fields, out _));
        var header = fields.ToList();
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            Assert.True(Csv.CsvLine.TrySplit(line, ',', fields, out var error), error);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }
}
