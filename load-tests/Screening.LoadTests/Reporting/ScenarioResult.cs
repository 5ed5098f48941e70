namespace Screening.LoadTests.Reporting;

/// <summary>One scenario's figures. Latencies in milliseconds.</summary>
public sealed record ScenarioResult(
    string Scenario,
    string Model,
    int Concurrency,
    double? OfferedRate,
    double Seconds,
    long Calls,
    long Names,
    double CallsPerSecond,
    double NamesPerSecond,
    double? CallsRatioToPing,
    double P50,
    double P90,
    double P99,
    double P999,
    double Max,
    double Mean,
    long ErrorCount,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyList<string> ErrorSamples,
    IReadOnlyList<string> Notes);
