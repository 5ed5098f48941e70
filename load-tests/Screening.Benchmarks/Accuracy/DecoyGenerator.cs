using Screening.Matching;
using Screening.Matching.Normalisation;

namespace Screening.Benchmarks.Accuracy;

/// <summary>
/// Plausible names that are not designated: a first name of one listed person with the surname of another (persons),
/// words of different listed organisations (entities). A decoy whose informative tokens all occur together in one
/// listed name is discarded, since screening it would rightly alert; so is one whose tokens all occur together in one
/// listed name up to spelling (same phonetic key: MUHAMMAD Bagheri / BAGHERI, Mohammad), which names the same
/// person as far as any screening engine can tell.
/// </summary>
internal static class DecoyGenerator
{
    public static List<(string Query, SubjectKind Kind)> Generate(IReadOnlyList<DesignationEntry> entries, int count, int seed)
    {
        var random = new Random(seed);
        var tokenNames = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var keyNames = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var nameId = 0;
        foreach (var entry in entries)
        {
            foreach (var name in entry.Names)
            {
                foreach (var token in NameNormaliser.Normalise(name.Text).Informative)
                {
                    if (!tokenNames.TryGetValue(token.Text, out var set))
                    {
                        tokenNames[token.Text] = set = [];
                    }

                    set.Add(nameId);
                    if (!keyNames.TryGetValue(token.Key, out var byKey))
                    {
                        keyNames[token.Key] = byKey = [];
                    }

                    byKey.Add(nameId);
                }

                nameId++;
            }
        }

        var persons = entries.Where(e => e.Kind == SubjectKind.Individual).Select(e => VariantGenerator.Words(e.Names[0].Text))
            .Where(w => w.Length >= 2 && w.All(x => x.Length > 2)).ToList();
        var organisations = entries.Where(e => e.Kind == SubjectKind.Entity).Select(e => VariantGenerator.Words(e.Names[0].Text))
            .Select(w => w.Where(x => x.Length > 2).ToArray()).Where(w => w.Length >= 2).ToList();
        var decoys = new List<(string, SubjectKind)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attempts = 0;
        while (decoys.Count < count && attempts++ < count * 50)
        {
            var person = random.Next(3) != 0;
            string query;
            if (person)
            {
                var a = persons[random.Next(persons.Count)];
                var b = persons[random.Next(persons.Count)];
                query = a[0] + " " + b[^1];
            }
            else
            {
                var a = organisations[random.Next(organisations.Count)];
                var b = organisations[random.Next(organisations.Count)];
                query = a[random.Next(a.Length)] + " " + b[random.Next(b.Length)] + " " + (random.Next(2) == 0 ? "LLC" : "Trading");
            }

            var informative = NameNormaliser.Normalise(query).Informative;
            var tokens = informative.Select(t => t.Text).Distinct().ToList();
            if (tokens.Count < 2 || !seen.Add(string.Join(' ', tokens.Order(StringComparer.Ordinal))))
            {
                continue;
            }

            if (OccurTogether(tokens, tokenNames) || OccurTogether(informative.Select(t => t.Key), keyNames))
            {
                continue;
            }

            decoys.Add((query, person ? SubjectKind.Individual : SubjectKind.Entity));
        }

        return decoys;
    }

    /// <summary>True when one listed name holds all of <paramref name="words"/> (texts or phonetic keys).</summary>
    private static bool OccurTogether(IEnumerable<string> words, Dictionary<string, HashSet<int>> names)
    {
        HashSet<int>? common = null;
        foreach (var word in words)
        {
            var set = names.GetValueOrDefault(word) ?? [];
            common = common is null ? [.. set] : [.. common.Intersect(set)];
        }

        return common is { Count: > 0 };
    }
}
