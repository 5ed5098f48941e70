using Screening.Benchmarks.Data;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Reads labelled pairs: any CSV with a header containing name1, name2, is_match (true/false, 1/0, yes/no) and optionally schema.</summary>
internal static class PairFile
{
    public static List<LabelledPair> Read(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = CsvLine.Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var n1 = header.IndexOf("name1");
        var n2 = header.IndexOf("name2");
        var label = header.IndexOf("is_match");
        var schema = header.IndexOf("schema");
        if (n1 < 0 || n2 < 0 || label < 0)
        {
            throw new FormatException($"{path}: header must contain name1, name2 and is_match; found: {lines[0]}");
        }

        var pairs = new List<LabelledPair>();
        foreach (var line in lines.Skip(1))
        {
            var f = CsvLine.Split(line);
            if (f.Count <= Math.Max(n1, Math.Max(n2, label)))
            {
                continue;
            }

            var isMatch = f[label].Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y" or "t";
            pairs.Add(new LabelledPair(f[n1], f[n2], isMatch, PairScorer.KindOf(schema >= 0 && schema < f.Count ? f[schema] : null)));
        }

        return pairs;
    }

    /// <summary>The shared cross-script pairs (all are true matches): Query,Expected Match,Min Score,Description.</summary>
    public static List<LabelledPair> ReadCrossScript(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(CsvLine.Split)
            .Where(f => f.Count >= 2)
            .Select(f => new LabelledPair(f[0], f[1], true, Screening.Matching.SubjectKind.Individual))
            .ToList();

    /// <summary>
    /// The shared Watchman Jaro-Winkler cases carry Watchman's expected scores, not truth labels; they are labelled here
    /// by hand (see docs/ACCURACY.md): a pair is a match when both denote the same name up to spelling, order,
    /// dropped or added tokens of a person's name, or legal form.
    /// </summary>
    public static List<LabelledPair> ReadWatchmanCases(string path, IReadOnlySet<int> matchRows)
    {
        var pairs = new List<LabelledPair>();
        var row = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            row++;
            var f = CsvLine.Split(line);
            if (f.Count < 3 || !f[0].StartsWith("BestPairs", StringComparison.Ordinal) || f[1].Length == 0 || f[2].Length == 0)
            {
                continue;
            }

            pairs.Add(new LabelledPair(f[2], f[1], matchRows.Contains(row), Screening.Matching.SubjectKind.Unknown));
        }

        return pairs;
    }
}
