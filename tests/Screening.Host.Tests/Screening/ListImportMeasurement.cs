using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Google.Protobuf;
using Npgsql;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Screening;

/// <summary>
/// Opt-in measurement (LIST_IMPORT_MEASURE=1), not a test of time: imports the OFAC 2021 SDN CSV set and a generated
/// national list of 25,000 designations / 75,000 names through ListAdminService, re-imports both (no-op), and
/// reports durations and the stored size of each version. Asserts only the counts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ListImportMeasurement(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Import_OfacAndLargeNationalList_Report()
    {
        if (Environment.GetEnvironmentVariable("LIST_IMPORT_MEASURE") != "1")
        {
            output.WriteLine("set LIST_IMPORT_MEASURE=1 to run this measurement");
            return;
        }

        await using var host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var lists = new ListAdminService.ListAdminServiceClient(host.Channel(TestHost.OperatorKey));
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "US", Name = "United States" });
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "XX", Name = "Generated" });

        var ofacFolder = SharedData.ListFile(Path.Combine("ofac", "sdn_csv_2021-07"));
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" })
            {
                archive.CreateEntryFromFile(Path.Combine(ofacFolder, name), name);
            }
        }

        var national = Generate(25_000);
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var (listId, format, content, expected) in new[] { ("US/sdn", "ofac-sdn-csv", zip.ToArray(), 8976), ("XX/generated", "national-json", national, 25_000) })
        {
            var watch = Stopwatch.StartNew();
            var first = await ImportAsync(lists, listId, format, content);
            var importMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var again = await ImportAsync(lists, listId, format, content);
            var noopMs = watch.Elapsed.TotalMilliseconds;
            var bytes = await StoredBytesAsync(host.ConnectionString, listId, 1);
            Assert.Equal(expected, first.Added);
            Assert.False(again.Changed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{listId}: {content.Length / 1024.0 / 1024.0:0.0} MiB file, {first.Added} designations: import {importMs:0} ms (incl. propagation {first.SilosConfirmed} silo), identical re-import {noopMs:0} ms, stored version 1 = {bytes / 1024.0 / 1024.0:0.0} MiB"));
        }
    }

    private static async Task<ImportListResponse> ImportAsync(ListAdminService.ListAdminServiceClient lists, string listId, string format, byte[] content)
    {
        using var call = lists.ImportList();
        await call.RequestStream.WriteAsync(new ImportListChunk { Header = new ImportHeader { ListId = listId, Format = format } });
        for (var offset = 0; offset < content.Length; offset += 1024 * 1024)
        {
            await call.RequestStream.WriteAsync(new ImportListChunk { Data = ByteString.CopyFrom(content, offset, Math.Min(1024 * 1024, content.Length - offset)) });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static async Task<long> StoredBytesAsync(string connectionString, string listId, int version)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(sum(pg_column_size(r.*)), 0)::bigint FROM designation_revisions r WHERE list_id = $1 AND version = $2", conn);
        cmd.Parameters.Add(new() { Value = listId });
        cmd.Parameters.Add(new() { Value = version });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static byte[] Generate(int count)
    {
        var syllables = new[] { "ka", "ro", "mi", "ta", "lu", "ne", "sa", "vo", "di", "zu", "pe", "ga", "lo", "ri", "ba", "te" };
        string Word(int seed, int parts)
        {
            var b = new StringBuilder();
            for (var i = 0; i < parts; i++)
            {
                b.Append(syllables[(seed >> (i * 4)) & 15]);
            }

            return char.ToUpperInvariant(b[0]) + b.ToString(1, b.Length - 1);
        }

        var json = new StringBuilder("{\"format\":\"national-json\",\"formatVersion\":1,\"list\":\"XX/generated\",\"title\":\"generated\",\"publicationDate\":\"2024-01-01\",\"designations\":[");
        for (var i = 0; i < count; i++)
        {
            var a = Word(i * 7919 + 13, 3);
            var b = Word(i * 104729 + 7, 3);
            var c = Word(i * 1299709 + 3, 2);
            json.Append(i == 0 ? string.Empty : ",")
                .Append(CultureInfo.InvariantCulture, $"{{\"id\":\"G{i}\",\"type\":\"individual\",\"names\":[{{\"name\":\"{a} {b}\",\"quality\":\"primary\"}},{{\"name\":\"{b} {a} {c}\",\"quality\":\"strong\"}},{{\"name\":\"{a} {c}\",\"quality\":\"weak\"}}],")
                .Append("\"revisions\":[{\"kind\":\"listed\",\"effective\":\"2020-01-01\",\"legalBasis\":\"generated\"}]}");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
