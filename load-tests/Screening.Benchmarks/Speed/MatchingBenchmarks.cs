using BenchmarkDotNet.Attributes;
using Screening.Matching;

namespace Screening.Benchmarks.Speed;

/// <summary>
/// BenchmarkDotNet: one engine query, one brute-force Jaro-Winkler query, and one index build, on >= 100,000 names.
/// Not sealed: BenchmarkDotNet derives its generated runner from this class.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MatchingBenchmarks
{
    private const int EngineQueriesPerInvoke = 512;
    private const int BruteQueriesPerInvoke = 4;
    private BenchmarkCorpus corpus = null!;
    private MatchIndex index = null!;
    private BruteForceJaroWinkler brute = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        corpus = BenchmarkCorpus.Load();
        index = MatchIndex.Build(corpus.Entries);
        brute = new BruteForceJaroWinkler(corpus.Entries);
        Console.WriteLine($"// index: {index.EntryCount} designations, {index.NameCount} names; queries: {corpus.Queries.Count}");
    }

    [Benchmark(OperationsPerInvoke = EngineQueriesPerInvoke, Description = "Engine Search (per query)")]
    public int EngineSearch()
    {
        var found = 0;
        for (var i = 0; i < EngineQueriesPerInvoke; i++)
        {
            var query = corpus.Queries[next++ % corpus.Queries.Count].Query;
            found += index.Search(new ScreeningQuery(query)).Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = BruteQueriesPerInvoke, Description = "Brute-force Jaro-Winkler scan (per query)")]
    public int BruteForceSearch()
    {
        var found = 0;
        for (var i = 0; i < BruteQueriesPerInvoke; i++)
        {
            var query = corpus.Queries[next++ % corpus.Queries.Count].Query;
            found += brute.Search(query, MatchThresholds.Default).Count;
        }

        return found;
    }

    [Benchmark(Description = "Index build (all names)")]
    public int Build() => MatchIndex.Build(corpus.Entries).NameCount;
}
