using Screening.Benchmarks.Accuracy;
using Screening.Benchmarks.Data;
using Screening.Matching;

namespace Screening.Benchmarks.Speed;

/// <summary>The benchmark data: all real list names plus generated ones (>= 100,000 names), and queries (variants of real names and decoys).</summary>
internal sealed class BenchmarkCorpus
{
    public required List<DesignationEntry> Entries { get; init; }

    public required List<(string Query, string? Key)> Queries { get; init; }

    public static BenchmarkCorpus Load()
    {
        var corpus = ListCorpus.Load();
        var entries = new List<DesignationEntry>(corpus.Entries);
        entries.AddRange(SyntheticNames.Generate(corpus.Entries, 80_000, 11));
        var queries = VariantGenerator.Generate(corpus.Entries, 400, 5).Select(v => (v.Query, (string?)v.Key))
            .Concat(DecoyGenerator.Generate(corpus.Entries, 800, 9).Select(d => (d.Query, (string?)null)))
            .OrderBy(q => q.Item1.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF)
            .ToList();
        return new BenchmarkCorpus { Entries = entries, Queries = queries };
    }
}
