using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Screening.Matching;

namespace Screening.Benchmarks.Speed;

/// <summary>
/// Per-query latency distribution (median, p99) of the engine single-threaded, index build time and retained memory,
/// and the brute-force Jaro-Winkler baseline's latency and recall on the same queries.
/// </summary>
internal static class LatencyReport
{
    public static int Run()
    {
        var ci = CultureInfo.InvariantCulture;
        var corpus = BenchmarkCorpus.Load();

        var builds = new List<double>();
        MatchIndex? index = null;
        long memory = 0;
        for (var i = 0; i < 3; i++)
        {
            index = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            index = MatchIndex.Build(corpus.Entries);
            builds.Add(watch.Elapsed.TotalSeconds);
            memory = GC.GetTotalMemory(true) - before;
        }

        builds.Sort();
        var built = index!;
        var queries = corpus.Queries;
        foreach (var (query, _) in queries.Take(2000))
        {
            built.Search(new ScreeningQuery(query));
        }

        var slowest = new List<(double, string)>();
        var latencies = new double[queries.Count * 3];
        var fastestRound = Enumerable.Repeat(double.MaxValue, queries.Count).ToArray();
        var n = 0;
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var query = queries[i].Query;
                var q = new ScreeningQuery(query);
                var start = Stopwatch.GetTimestamp();
                built.Search(q);
                latencies[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                fastestRound[i] = Math.Min(fastestRound[i], latencies[n - 1]);
                if (round == 2)
                {
                    slowest.Add((fastestRound[i], query));
                }
            }
        }

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];

        // The fastest of the three rounds per query drops the time the thread spent descheduled on a shared machine;
        // it is the steadier figure for before/after comparisons, the all-rounds figures are the ones the targets use.
        var fastestPerQuery = (double[])fastestRound.Clone();
        Array.Sort(fastestRound);
        double Fastest(double p) => fastestRound[Math.Min(fastestRound.Length - 1, (int)(p * fastestRound.Length))];

        var brute = new BruteForceJaroWinkler(corpus.Entries);
        var positives = queries.Where(q => q.Key is not null).Take(150).ToList();
        var bruteTimes = new List<double>();
        int bruteFound = 0, engineFound = 0;
        foreach (var (query, key) in positives)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = brute.Search(query, MatchThresholds.Default);
            bruteTimes.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            bruteFound += hits.Take(10).Any(h => h.Key == key) ? 1 : 0;
            engineFound += built.Search(new ScreeningQuery(query)).Any(h => h.Key == key) ? 1 : 0;
        }

        bruteTimes.Sort();
        var bruteMedian = bruteTimes[bruteTimes.Count / 2];
        var engineMedian = Percentile(0.5);
        Console.WriteLine();
        Console.WriteLine("## Matching engine latency report");
        Console.WriteLine(string.Create(ci, $"machine: {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine(string.Create(ci, $"index: {built.EntryCount} designations, {built.NameCount} names; {queries.Count} distinct queries x 3 rounds, single thread"));
        Console.WriteLine(string.Create(ci, $"build: best {builds[0]:0.00} s, median {builds[1]:0.00} s; retained managed memory of the index {memory / 1048576.0:0.0} MB; process working set {Environment.WorkingSet / 1048576.0:0} MB"));
        Console.WriteLine(string.Create(ci, $"engine query: median {engineMedian:0.0} us, p90 {Percentile(0.9):0.0} us, p99 {Percentile(0.99):0.0} us, max {latencies[^1]:0.0} us"));
        Console.WriteLine(string.Create(ci, $"engine query, fastest of 3 rounds per query: median {Fastest(0.5):0.0} us, p90 {Fastest(0.9):0.0} us, p99 {Fastest(0.99):0.0} us, mean {fastestRound.Average():0.0} us"));
        foreach (var group in queries.Select((q, i) => (Script: ScriptOf(q.Query), Time: fastestPerQuery[i])).GroupBy(x => x.Script).OrderBy(g => g.Key))
        {
            var times = group.Select(x => x.Time).Order().ToArray();
            Console.WriteLine(string.Create(ci, $"  {group.Key} queries ({times.Length}), fastest round: median {times[times.Length / 2]:0.0} us, p90 {times[(int)(0.9 * times.Length)]:0.0} us, p99 {times[Math.Min(times.Length - 1, (int)(0.99 * times.Length))]:0.0} us, share of time {times.Sum() / fastestPerQuery.Sum():P0}"));
        }

        Console.WriteLine("slowest queries (fastest round): " + string.Join("; ", slowest.OrderByDescending(x => x.Item1).Take(8).Select(x => string.Create(ci, $"{x.Item2} {x.Item1:0}us"))));
        Console.WriteLine(string.Create(ci, $"brute-force JW scan: median {bruteMedian:0} us over {positives.Count} queries"));
        Console.WriteLine(string.Create(ci, $"speed-up (median/median): {bruteMedian / engineMedian:0}x"));
        Console.WriteLine(string.Create(ci, $"recall on those {positives.Count} variant queries at {MatchThresholds.Default:0.00}: engine {engineFound / (double)positives.Count:0.000}, brute-force JW (top 10) {bruteFound / (double)positives.Count:0.000}"));
        return 0;
    }

    internal static string ScriptOf(string query) =>
        query.Any(c => c is >= '\u0600' and <= '\u06FF') ? "Arabic-script" : query.Any(c => c is >= '\u0400' and <= '\u04FF') ? "Cyrillic" : "Latin";
}
