using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Screening.LoadTests.Reporting;

/// <summary>Writes a report as a console table, JSON and Markdown.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void WriteTable(LoadReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Row("scenario", "model", "conc", "calls/s", "names/s", "vs ping", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors"));
        foreach (var s in report.Scenarios)
        {
            output.WriteLine(Row(
                s.Scenario,
                s.OfferedRate is { } r ? "open@" + F(r, 0) : s.Model,
                s.Concurrency.ToString(CultureInfo.InvariantCulture),
                F(s.CallsPerSecond, 0),
                F(s.NamesPerSecond, 0),
                s.CallsRatioToPing is { } ratio ? F(ratio * 100, 0) + "%" : "-",
                F(s.P50, 2),
                F(s.P90, 2),
                F(s.P99, 2),
                F(s.P999, 2),
                F(s.Max, 1),
                s.ErrorCount == 0 ? "0" : string.Join(' ', s.Errors.Select(e => $"{e.Key}={e.Value}"))));
        }

        foreach (var s in report.Scenarios)
        {
            foreach (var note in s.Notes)
            {
                output.WriteLine($"  {s.Scenario}: {note}");
            }

            foreach (var sample in s.ErrorSamples.Take(5))
            {
                output.WriteLine($"  {s.Scenario} error: {sample}");
            }
        }

        output.WriteLine($"  machine: {report.Machine}; load average before {report.LoadAverageBefore}, after {report.LoadAverageAfter}");
        output.WriteLine();
    }

    /// <summary>Writes &lt;dir&gt;/&lt;run id&gt;.json and .md; returns the two paths.</summary>
    public static (string Json, string Markdown) WriteFiles(LoadReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, report.RunId + ".json");
        var md = Path.Combine(directory, report.RunId + ".md");
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json));
        File.WriteAllText(md, ToMarkdown(report));
        return (json, md);
    }

    public static string ToMarkdown(LoadReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Load test {report.RunId}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- started: {report.StartedAt:u}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- command: `{report.Command}`");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- machine: {report.Machine}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- load average (1/5/15 min): before {report.LoadAverageBefore}, after {report.LoadAverageAfter}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- targets: {string.Join(", ", report.Targets)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- data: {report.Data}");
        sb.AppendLine();
        sb.AppendLine("| scenario | model | concurrency | s | calls/s | names/s | vs ping | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in report.Scenarios)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Scenario} | {(s.OfferedRate is { } r ? "open @ " + F(r, 0) + "/s" : s.Model)} | {s.Concurrency} | {F(s.Seconds, 0)} | {F(s.CallsPerSecond, 0)} | {F(s.NamesPerSecond, 0)} | {(s.CallsRatioToPing is { } ratio ? F(ratio * 100, 0) + "%" : "-")} | {F(s.P50, 2)} | {F(s.P90, 2)} | {F(s.P99, 2)} | {F(s.P999, 2)} | {F(s.Max, 1)} | {(s.ErrorCount == 0 ? "0" : string.Join(", ", s.Errors.Select(e => $"{e.Key} {e.Value}")))} |");
        }

        foreach (var s in report.Scenarios.Where(s => s.Notes.Count > 0 || s.ErrorSamples.Count > 0))
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Scenario}:");
            foreach (var line in s.Notes.Concat(s.ErrorSamples))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
            }
        }

        return sb.ToString();
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Row(params string[] cells)
    {
        int[] widths = [12, 10, 5, 9, 9, 8, 8, 8, 8, 9, 8, 0];
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(i < 2 || i == cells.Length - 1 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            sb.Append(' ');
        }

        return sb.ToString().TrimEnd();
    }
}
