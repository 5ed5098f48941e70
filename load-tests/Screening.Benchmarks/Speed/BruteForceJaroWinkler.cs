using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Benchmarks.Speed;

/// <summary>
/// Baseline: Watchman's method, a scan of every indexed name scoring token-wise best-pair Jaro-Winkler (each query
/// token against its best name token, averaged, with a penalty for unmatched name length). Names are normalised once,
/// with the same normaliser as the engine, so the comparison isolates the search method.
/// </summary>
internal sealed class BruteForceJaroWinkler
{
    private readonly string[][] names;
    private readonly string[] keys;

    public BruteForceJaroWinkler(IReadOnlyList<Screening.Matching.DesignationEntry> entries)
    {
        var n = new List<string[]>();
        var k = new List<string>();
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names)
            {
                n.Add(NameNormaliser.Normalise(name.Text).Tokens.Select(t => t.Text).ToArray());
                k.Add(entry.Key);
            }
        }

        names = [.. n];
        keys = [.. k];
    }

    public int NameCount => names.Length;

    /// <summary>Returns the keys scoring at least <paramref name="threshold"/>, best first.</summary>
    public List<(string Key, double Score)> Search(string query, double threshold)
    {
        var tokens = NameNormaliser.Normalise(query).Tokens.Select(t => t.Text).ToArray();
        var hits = new List<(string, double)>();
        if (tokens.Length == 0)
        {
            return hits;
        }

        for (var i = 0; i < names.Length; i++)
        {
            var score = Score(tokens, names[i]);
            if (score >= threshold)
            {
                hits.Add((keys[i], score));
            }
        }

        hits.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return hits;
    }

    private static double Score(string[] query, string[] name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        double total = 0;
        var queryLength = 0;
        var nameLength = 0;
        foreach (var t in name)
        {
            nameLength += t.Length;
        }

        var matchedLength = 0;
        foreach (var q in query)
        {
            var best = 0.0;
            var bestLength = 0;
            foreach (var t in name)
            {
                var s = JaroWinkler.Similarity(q, t);
                if (s > best)
                {
                    best = s;
                    bestLength = t.Length;
                }
            }

            total += best * q.Length;
            queryLength += q.Length;
            matchedLength += bestLength;
        }

        var score = total / queryLength;
        var coverage = Math.Min(1.0, matchedLength / (double)nameLength);
        return score * (0.7 + (0.3 * coverage));
    }
}
