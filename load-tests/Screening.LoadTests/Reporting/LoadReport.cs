namespace Screening.LoadTests.Reporting;

/// <summary>A whole run: where, on what, with which command, and each scenario's figures.</summary>
public sealed record LoadReport(
    string RunId,
    DateTimeOffset StartedAt,
    string Command,
    string Machine,
    string LoadAverageBefore,
    string LoadAverageAfter,
    IReadOnlyList<string> Targets,
    string Data,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    public long ErrorCount => Scenarios.Sum(s => s.ErrorCount);
}
