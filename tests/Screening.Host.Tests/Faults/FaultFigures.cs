using System.Globalization;
using System.Text;
using Grpc.Core;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Faults;

/// <summary>The figures of one fault run, as recorded in docs/OPERATIONS.md.</summary>
public sealed record FaultFigures(string Fault, IReadOnlyList<CallOutcome> Calls, TimeSpan FaultAt, TimeSpan? RecoveredAfter, int RecordsLost, int StaleAnswers, string Note)
{
    public string Describe()
    {
        var text = new StringBuilder();
        var during = Calls.Count(c => c.Started >= FaultAt);
        var errors = Calls.Where(c => c.Status != StatusCode.OK).GroupBy(c => c.Status).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}={g.Count().ToString(CultureInfo.InvariantCulture)}");
        text.Append(CultureInfo.InvariantCulture, $"{Fault}: requests={Calls.Count} (from the fault on: {during}) ok={Calls.Count(c => c.Status == StatusCode.OK)} ");
        text.Append(CultureInfo.InvariantCulture, $"errors=[{string.Join(' ', errors)}] ");
        text.Append(CultureInfo.InvariantCulture, $"recovered_after={(RecoveredAfter is { } r ? r.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-")} ");
        text.Append(CultureInfo.InvariantCulture, $"records_lost={RecordsLost} stale_answers={StaleAnswers}");
        if (Note.Length > 0)
        {
            text.Append(" (").Append(Note).Append(')');
        }

        return text.ToString();
    }

    /// <summary>Writes the line to the test output and, when FAULT_REPORT names a file, appends it there.</summary>
    public void Report(ITestOutputHelper output)
    {
        var line = Describe();
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FAULT_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
