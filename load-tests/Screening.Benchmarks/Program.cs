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
        return AccuracyHarness.Run(Option("--pairs"), threshold, Option("--sample") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 1000, Option("--show") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 0, Option("--why"), Option("--search-min") is { } sm ? double.Parse(sm, CultureInfo.InvariantCulture) : 0.5);
    case "bench":
        BenchmarkRunner.Run<MatchingBenchmarks>(args: [.. args.Skip(1)]);
        return LatencyReport.Run();
    case "latency":
        return LatencyReport.Run();
    case "profile":
    {
        // Runs the latency report's queries single-threaded in a loop for N seconds (default 30), for a sampling
        // profiler: dotnet-trace collect --profile cpu-sampling -- dotnet Screening.Benchmarks.dll profile 30
        // With --script Arabic-script, Cyrillic or Latin: only the queries in that script (as the latency report groups them).
        var corpus = BenchmarkCorpus.Load();
        var script = Option("--script");
        var profiled = corpus.Queries.Where(q => script is null || LatencyReport.ScriptOf(q.Query) == script).ToArray();
        var built = MatchIndex.Build(corpus.Entries);
        var seconds = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = 0L;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (query, _) in profiled)
            {
                built.Search(new ScreeningQuery(query));
                count++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} queries in {watch.Elapsed.TotalSeconds:0.0} s: mean {watch.Elapsed.TotalMicroseconds / count:0.0} us"));
        return 0;
    }

    case "slowest":
    {
        // The N slowest distinct queries (fastest of 5 rounds each), with their hit counts, to see what sets the tail:
        // slowest [N] [--script Arabic-script|Cyrillic|Latin]
        var corpus = BenchmarkCorpus.Load();
        var built = MatchIndex.Build(corpus.Entries);
        var script = Option("--script");
        var shown = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        var queries = corpus.Queries.Select(q => q.Query).Where(q => script is null || LatencyReport.ScriptOf(q) == script).Distinct().ToArray();
        var fastest = new double[queries.Length];
        Array.Fill(fastest, double.MaxValue);
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                built.Search(new ScreeningQuery(queries[i]));
                fastest[i] = Math.Min(fastest[i], System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        foreach (var i in Enumerable.Range(0, queries.Length).OrderByDescending(i => fastest[i]).Take(shown))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fastest[i],8:0.0} us  {built.Search(new ScreeningQuery(queries[i])).Count} hits  {queries[i]}"));
        }

        return 0;
    }

    case "normalise":
    {
        // Mean time to normalise the latency report's queries (PreparedQuery.Of) over 10 s: normalise [--script S]
        var corpus = BenchmarkCorpus.Load();
        var script = Option("--script");
        var queries = corpus.Queries.Select(q => q.Query).Where(q => script is null || LatencyReport.ScriptOf(q) == script).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = 0L;
        while (watch.Elapsed.TotalSeconds < 10)
        {
            foreach (var query in queries)
            {
                PreparedQuery.Of(new ScreeningQuery(query));
                count++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"normalise: {watch.Elapsed.TotalMicroseconds / count:0.00} us per query ({count} queries)"));
        return 0;
    }

    case "compare":
        // Two builds in one process, every query on both in turn: compare /path/to/checkout-a /path/to/checkout-b [SECONDS]
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: compare ROOT_A ROOT_B [SECONDS] (each a checkout with a Release build of load-tests/Screening.Benchmarks)");
            return 2;
        }

        return PairedComparison.Run(args[1], args[2], args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 60);

    case "explain":
    {
        // Prints the top hits with their explanations for each given name, on the accuracy index (real list names).
        var index = MatchIndex.Build(Screening.Benchmarks.Data.ListCorpus.Load().Entries);
        var explainMin = Option("--min") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : 0.5;
        foreach (var name in args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != Option("--min")))
        {
            foreach (var hit in index.Search(new ScreeningQuery(name), explainMin, 3))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} -> {hit.Key} {hit.Score:0.000}: {hit.Explanation.Describe()}"));
            }
        }

        return 0;
    }
    default:
        Console.Error.WriteLine("usage: accuracy [--pairs FILE.csv] [--threshold T] [--sample N] [--show N] | bench [BenchmarkDotNet args] | latency | profile [SECONDS] [--script Arabic-script|Cyrillic|Latin] | slowest [N] [--script S] | normalise [--script S] | compare ROOT_A ROOT_B [SECONDS] | explain NAME...");
        return 2;
}
