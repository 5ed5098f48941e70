using System.Globalization;
using HdrHistogram;
using System.Runtime.InteropServices;
using Screening.LoadTests.Options;
using Screening.LoadTests.Reporting;
using Screening.LoadTests.Running;
using Screening.LoadTests.Scenarios;
using Screening.LoadTests.Setup;

namespace Screening.LoadTests;

/// <summary>Sets up the data, runs the chosen scenarios one after another, and reports.</summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter log, CancellationToken ct)
    {
        var startedAt = TimeProvider.System.GetUtcNow();
        var loadBefore = LoadAverage();
        log.WriteLine($"load test {options.RunId}: {string.Join(", ", options.Scenarios)} against {string.Join(", ", options.Targets)}");
        using var connection = new PlatformConnection(options.Targets, options.Connections);
        var context = await ScenarioContext.CreateAsync(options, connection, log, ct);

        var results = new List<ScenarioResult>();
        double? pingRate = null;
        foreach (var scenario in options.Scenarios)
        {
            var open = scenario == "screen-open" || options.Model == LoadModel.Open;
            var profile = new LoadProfile(open ? LoadModel.Open : LoadModel.Closed, options.Concurrency, options.Rate, options.Warmup, options.Duration, options.MaxInFlight);
            log.WriteLine($"  running {scenario} ({(open ? $"open model, {options.Rate:F0}/s" : $"closed model, {options.Concurrency} callers")}, {options.Warmup.TotalSeconds:F1} s warm-up + {options.Duration.TotalSeconds:F1} s)");
            var stats = scenario switch
            {
                "ping" => await PingScenario.RunAsync(context, profile, ct),
                "screen" or "screen-open" => await ScreenScenario.RunAsync(context, profile, ct),
                "batch" => await BatchScenario.RunAsync(context, profile, ct),
                "stream" => await StreamScenario.RunAsync(context, profile, ct),
                "tenants" => await TenantsScenario.RunAsync(context, profile, ct),
                "churn" => await ChurnScenario.RunAsync(context, profile, ct),
                _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
            };
            var result = Summarise(scenario, profile, stats, pingRate);
            if (scenario == "ping")
            {
                pingRate = result.CallsPerSecond;
            }

            results.Add(result);
            log.WriteLine($"    {result.CallsPerSecond:F0} calls/s, {result.NamesPerSecond:F0} names/s, p99 {result.P99:F2} ms, errors {result.ErrorCount}");
        }

        var data = $"{context.MainList.ListId} ({context.MainList.Designations.Count} designations, {context.GeneratedNames} names in three scripts)"
            + (context.OfficialJurisdictions.Count > 0 ? $" + official lists {string.Join(", ", context.OfficialJurisdictions)}" : string.Empty)
            + $"; hit share {options.HitRatio:P0}";
        return new LoadReport(
            options.RunId,
            startedAt,
            "dotnet run -c Release --project load-tests/Screening.LoadTests -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            Machine(),
            loadBefore,
            LoadAverage(),
            [.. options.Targets.Select(t => t.ToString())],
            data,
            results);
    }

    private static ScenarioResult Summarise(string scenario, LoadProfile profile, LoadStats stats, double? pingRate)
    {
        var h = stats.Latency;
        var seconds = profile.Duration.TotalSeconds;
        double Ms(double percentile) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(percentile) / 1000.0;
        var callsPerSecond = stats.Calls / seconds;
        var namesPerSecond = stats.Names / seconds;
        return new ScenarioResult(
            scenario,
            profile.Model.ToString().ToLowerInvariant(),
            profile.Concurrency,
            profile.Model == LoadModel.Open ? profile.Rate : null,
            seconds,
            stats.Calls,
            stats.Names,
            callsPerSecond,
            namesPerSecond,
            scenario == "ping" || pingRate is not > 0 ? null : namesPerSecond / pingRate.Value,
            Ms(50),
            Ms(90),
            Ms(99),
            Ms(99.9),
            h.TotalCount == 0 ? 0 : h.GetMaxValue() / 1000.0,
            h.TotalCount == 0 ? 0 : h.GetMean() / 1000.0,
            stats.ErrorCount,
            stats.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            [.. stats.ErrorSamples],
            [.. stats.Notes]);
    }

    private static string Machine() =>
        $"{Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {CpuModel()}";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "cpu unknown";
        }
        catch (IOException)
        {
            return "cpu unknown";
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
