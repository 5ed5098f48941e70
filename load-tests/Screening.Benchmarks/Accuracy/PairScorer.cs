using Screening.Matching;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Scores labelled pairs through the real engine: every distinct name2 becomes an entry of one index, each name1 is a query.</summary>
internal static class PairScorer
{
    public static double[] Score(IReadOnlyList<LabelledPair> pairs)
    {
        var keys = new Dictionary<(string, SubjectKind), string>();
        var entries = new List<DesignationEntry>();
        foreach (var pair in pairs)
        {
            if (!keys.ContainsKey((pair.Name2, pair.Kind)))
            {
                var key = "P" + keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                keys[(pair.Name2, pair.Kind)] = key;
                entries.Add(new DesignationEntry(key, pair.Kind, [new SubjectName(pair.Name2)]));
            }
        }

        var index = MatchIndex.Build(entries);
        var scores = new double[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var key = keys[(pairs[i].Name2, pairs[i].Kind)];
            var hits = index.Search(new ScreeningQuery(pairs[i].Name1) { Kind = pairs[i].Kind }, 0.0, 1000);
            scores[i] = hits.FirstOrDefault(h => h.Key == key)?.Score ?? 0.0;
        });
        return scores;
    }

    public static SubjectKind KindOf(string? schema) => schema?.Trim().ToUpperInvariant() switch
    {
        "PERSON" or "INDIVIDUAL" => SubjectKind.Individual,
        "COMPANY" or "ORGANIZATION" or "ORGANISATION" or "LEGALENTITY" or "ENTITY" => SubjectKind.Entity,
        "VESSEL" => SubjectKind.Vessel,
        "AIRPLANE" or "AIRCRAFT" => SubjectKind.Aircraft,
        _ => SubjectKind.Unknown,
    };
}
