using Screening.Matching;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Generates query variants of real designated names, each labelled with the designation it must find.</summary>
internal static class VariantGenerator
{
    private static readonly string[] Honorifics = ["Haji", "Mullah", "Maulavi", "Sheikh", "Mr.", "Dr.", "Alhaji"];
    private static readonly string[] LegalForms = ["LLC", "Ltd.", "JSC", "OOO", "GmbH", "S.A.", "Co., Ltd."];

    /// <summary>(variant kind, query, expected key) triples from a deterministic sample of entries.</summary>
    public static List<(string Kind, string Query, string Key)> Generate(IReadOnlyList<DesignationEntry> entries, int sample, int seed)
    {
        var random = new Random(seed);
        var eligible = entries.Where(e => e.Names.Count > 0 && Words(e.Names[0].Text).Length >= 2 && e.Kind is SubjectKind.Individual or SubjectKind.Entity)
            .ToList();
        var variants = new List<(string, string, string)>();
        for (var n = 0; n < sample; n++)
        {
            var entry = eligible[random.Next(eligible.Count)];
            var name = entry.Names[0].Text;
            var words = Words(name);
            var person = entry.Kind == SubjectKind.Individual;
            var cyrillic = ScriptWriter.ToCyrillic(string.Join(' ', words));
            variants.Add(("translit: Latin→Cyrillic", cyrillic, entry.Key));
            variants.Add(("translit: Cyrillic→Latin (ICAO)", ScriptWriter.RomaniseIcao(cyrillic), entry.Key));
            variants.Add(("translit: Cyrillic→Latin (loose)", ScriptWriter.RomaniseLoose(cyrillic), entry.Key));
            variants.Add(("translit: Latin→Arabic script", ScriptWriter.ToArabic(string.Join(' ', words)), entry.Key));
            variants.Add(("typo", Typo(words, random), entry.Key));
            variants.Add(("token reorder", string.Join(' ', words.OrderBy(_ => random.Next())), entry.Key));
            var informative = words.Where(w => w.Length > 1 && !Particles.Contains(w)).ToArray();
            if (person && informative.Length >= 3)
            {
                var drop = 1 + random.Next(informative.Length - 2);
                variants.Add(("dropped middle name", string.Join(' ', informative.Where((_, i) => i != drop)), entry.Key));
            }

            variants.Add(person
                ? ("honorific noise", Honorifics[random.Next(Honorifics.Length)] + " " + string.Join(' ', words), entry.Key)
                : ("legal-form noise", string.Join(' ', words) + " " + LegalForms[random.Next(LegalForms.Length)], entry.Key));
        }

        return variants;
    }

    public static string[] Words(string name) =>
        name.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal)
            .Split([' ', ',', '-', '.', '(', ')', '/', '"'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase) { "al", "el", "bin", "ibn", "abu", "de", "la", "del", "van", "von" };

    private static string Typo(string[] words, Random random)
    {
        var copy = (string[])words.Clone();
        var candidates = Enumerable.Range(0, copy.Length).Where(i => copy[i].Length >= 5).ToList();
        if (candidates.Count == 0)
        {
            return string.Join(' ', copy);
        }

        var w = candidates[random.Next(candidates.Count)];
        var chars = copy[w].ToList();
        var at = 1 + random.Next(chars.Count - 2);
        switch (random.Next(4))
        {
            case 0:
                chars.RemoveAt(at);
                break;
            case 1:
                chars.Insert(at, chars[at]);
                break;
            case 2:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
            default:
                chars[at] = (char)('A' + random.Next(26));
                break;
        }

        copy[w] = new string([.. chars]);
        return string.Join(' ', copy);
    }
}
