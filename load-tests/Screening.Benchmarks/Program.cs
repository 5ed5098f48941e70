using System.Globalization;
using BenchmarkDotNet.Running;
using Screening.Benchmarks.Accuracy;
using Screening.Benchmarks.Speed;
using Screening.Matching;

var command = args.Length > 0 ? args[0] : "accuracy";
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var threshold = Option("--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : MatchThresholds.Default;
switch (command)
{
    case "accuracy":
        return AccuracyHarness.Run(Option("--pairs"), threshold, Option("--sample") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 1000, Option("--show") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 0);
    case "bench":
        BenchmarkRunner.Run<MatchingBenchmarks>(args: [.. args.Skip(1)]);
        return LatencyReport.Run();
    case "latency":
        return LatencyReport.Run();
    default:
        Console.Error.WriteLine("usage: accuracy [--pairs FILE.csv] [--threshold T] [--sample N] | bench [BenchmarkDotNet args] | latency");
        return 2;
}
