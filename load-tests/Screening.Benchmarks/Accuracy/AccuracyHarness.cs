using System.Globalization;
using Screening.Benchmarks.Data;
using Screening.Matching;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Precision, recall and F1 at a threshold on the shared pairs, generated variants of real names, and decoys; or on a given CSV of pairs.</summary>
internal static class AccuracyHarness
{
    private static readonly HashSet<int> WatchmanMatchRows =
        [1, 2, 3, 8, 13, 14, 15, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 42, 60, 61, 63, 64, 65, 66, 70, 71, 73, 75, 77, 94, 96, 98, 100];

    public static int Run(string? pairsFile, double threshold, int sample, int show = 0, string? why = null, double searchMin = 0.5)
    {
        var ci = CultureInfo.InvariantCulture;
        if (pairsFile is not null)
        {
            var pairs = PairFile.Read(pairsFile);
            var tally = TallyPairs(Path.GetFileName(pairsFile), pairs, threshold);
            Console.WriteLine(Tally.Header);
            Console.WriteLine(tally.Row());
            Console.WriteLine(string.Create(ci, $"precision={tally.Precision:0.000} recall={tally.Recall:0.000} f1={tally.F1:0.000} threshold={threshold:0.00} pairs={tally.Count}"));
            return 0;
        }

        var data = RepositoryLayout.SharedData();
        var corpus = ListCorpus.Load();
        var index = MatchIndex.Build(corpus.Entries);
        Console.WriteLine(string.Create(ci, $"index: {index.EntryCount} designations, {index.NameCount} names (UN consolidated, OFAC SDN 2021-07 CSV, OFAC consolidated 2025-03 XML)"));

        var rows = new List<Tally>();
        var crossScript = PairFile.ReadCrossScript(Path.Combine(data, "pairs", "watchman_cross_script_pairs.csv"));
        rows.Add(TallyPairs("(a) pairs: watchman_cross_script_pairs", crossScript, threshold));
        var watchman = PairFile.ReadWatchmanCases(Path.Combine(data, "pairs", "watchman_jaro_winkler_cases.csv"), WatchmanMatchRows);
        rows.Add(TallyPairs("(a) pairs: watchman_jaro_winkler_cases (hand-labelled)", watchman, threshold));

        var labelled = new List<(string Set, string Query, SubjectKind Kind, string? Key)>();
        labelled.AddRange(corpus.OriginalScriptNames.Select(o => ("(b) translit: UN original script (real)", o.Original, SubjectKind.Unknown, (string?)o.Key)));
        labelled.AddRange(VariantGenerator.Generate(corpus.Entries, sample, 42).Select(v => ("(b) " + v.Kind, v.Query, SubjectKind.Unknown, (string?)v.Key)));
        var decoys = DecoyGenerator.Generate(corpus.Entries, sample * 2, 7);
        labelled.AddRange(decoys.Select(d => ("(c) decoys", d.Query, d.Kind, (string?)null)));

        // The same decoys written in Cyrillic and in Arabic script, so that the looser comparisons of transliterated
        // names (phonetic keys, consonant skeletons) are checked for false alarms too.
        labelled.AddRange(decoys.Select(d => ("(c) decoys in Cyrillic", ScriptWriter.ToCyrillic(d.Query), d.Kind, (string?)null)));
        labelled.AddRange(decoys.Select(d => ("(c) decoys in Arabic script", ScriptWriter.ToArabic(d.Query), d.Kind, (string?)null)));

        var scores = new double[labelled.Count];
        Parallel.For(0, labelled.Count, i =>
        {
            var (_, query, kind, key) = labelled[i];
            var hits = index.Search(new ScreeningQuery(query) { Kind = kind }, searchMin, 50);
            scores[i] = key is null ? hits.FirstOrDefault()?.Score ?? 0 : hits.FirstOrDefault(h => h.Key == key)?.Score ?? 0;
        });

        if (show > 0)
        {
            foreach (var group in labelled.Select((l, i) => (l, Score: scores[i])).Where(x => (x.l.Key is null) == (x.Score >= threshold)).GroupBy(x => x.l.Set))
            {
                foreach (var (l, score) in group.Take(show))
                {
                    var top = index.Search(new ScreeningQuery(l.Query) { Kind = l.Kind }, searchMin, 1).FirstOrDefault();
                    Console.WriteLine(string.Create(ci, $"[{l.Set}] {score:0.00} '{l.Query}' expected {l.Key ?? "-"}; top {top?.Key} {top?.Score:0.00} '{top?.MatchedName}'"));
                }
            }
        }

        if (why is not null)
        {
            // Each missed variant of the sets whose name contains WHY, explained against its own designation (on an
            // index of that designation alone when the full index does not retrieve it); each decoy false positive,
            // explained against the name that scored it over the threshold.
            var byKey = corpus.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last());
            for (var i = 0; i < labelled.Count; i++)
            {
                var (set, query, kind, key) = labelled[i];
                if (!set.Contains(why, StringComparison.Ordinal))
                {
                    continue;
                }

                if (key is null)
                {
                    // A decoy's false positive, explained by the name that raised it.
                    if (scores[i] >= threshold)
                    {
                        var top = index.Search(new ScreeningQuery(query) { Kind = kind }, searchMin, 1).First();
                        Console.WriteLine(string.Create(ci, $"WHY [{set}] {scores[i]:0.00} '{query}' alerts on {top.Key} '{top.MatchedName}'"));
                        Console.WriteLine("    full: " + top.Explanation.Describe());
                    }

                    continue;
                }

                if (scores[i] >= threshold)
                {
                    continue;
                }

                var full = index.Search(new ScreeningQuery(query) { Kind = kind }, 0.0, 1000).FirstOrDefault(h => h.Key == key);
                var hit = full ?? MatchIndex.Build([byKey[key]]).Search(new ScreeningQuery(query) { Kind = kind }, 0.0, 1).FirstOrDefault();
                var names = string.Join(" | ", byKey[key].Names.Select(n => n.Text).Take(6));
                Console.WriteLine(string.Create(ci, $"WHY [{set}] {scores[i]:0.00} {key} names: {names}"));
                Console.WriteLine((full is null ? "    alone: " : "    full: ") + (hit?.Explanation.Describe() ?? "(no hit even alone)"));
            }
        }

        foreach (var group in labelled.Select((l, i) => (l.Set, Positive: l.Key is not null, Score: scores[i])).GroupBy(x => x.Set))
        {
            var tally = new Tally(group.Key);
            foreach (var x in group)
            {
                tally.Add(x.Positive, x.Score >= threshold);
            }

            rows.Add(tally);
        }

        var transliteration = Sum("(b) all transliteration variants", rows.Where(r => r.Name.StartsWith("(b) translit", StringComparison.Ordinal)));
        var variants = Sum("(b) all variants", rows.Where(r => r.Name.StartsWith("(b)", StringComparison.Ordinal)));
        var generated = Sum("(b)+(c) variants and decoys", rows.Where(r => r.Name.StartsWith("(b)", StringComparison.Ordinal) || r.Name.StartsWith("(c)", StringComparison.Ordinal)));
        var overall = Sum("all sets", rows);
        Console.WriteLine();
        Console.WriteLine(string.Create(ci, $"threshold {threshold:0.00} (MatchThresholds.Default = {MatchThresholds.Default:0.00}); sample {sample} designations, seed 42"));
        Console.WriteLine(Tally.Header);
        foreach (var row in rows.Append(transliteration).Append(variants).Append(generated).Append(overall))
        {
            Console.WriteLine(row.Row());
        }

        Console.WriteLine();
        Console.WriteLine("threshold sweep on (b)+(c): threshold, precision, recall, F1, decoy FP rate, transliteration recall");
        foreach (var t in new[] { 0.75, 0.78, 0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90, 0.92 })
        {
            var all = new Tally("sweep");
            var tr = new Tally("tr");
            for (var i = 0; i < labelled.Count; i++)
            {
                all.Add(labelled[i].Key is not null, scores[i] >= t);
                if (labelled[i].Set.StartsWith("(b) translit", StringComparison.Ordinal))
                {
                    tr.Add(true, scores[i] >= t);
                }
            }

            Console.WriteLine(string.Create(ci, $"  {t:0.00}  P={all.Precision:0.000} R={all.Recall:0.000} F1={all.F1:0.000} decoyFP={all.FalsePositiveRate:0.000} translitR={tr.Recall:0.000}"));
        }

        Console.WriteLine(string.Create(ci, $"precision={overall.Precision:0.000} recall={overall.Recall:0.000} f1={overall.F1:0.000} threshold={threshold:0.00} pairs={overall.Count}"));
        return 0;
    }

    private static Tally TallyPairs(string name, List<LabelledPair> pairs, double threshold)
    {
        var scores = PairScorer.Score(pairs);
        var tally = new Tally(name);
        for (var i = 0; i < pairs.Count; i++)
        {
            tally.Add(pairs[i].IsMatch, scores[i] >= threshold);
        }

        return tally;
    }

    private static Tally Sum(string name, IEnumerable<Tally> parts)
    {
        var sum = new Tally(name);
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        return sum;
    }
}
