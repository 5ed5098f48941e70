using Screening.Matching;

namespace Screening.Benchmarks.Speed;

/// <summary>Generated designations that look like list names (tokens of real names recombined, some respelled), to grow the index past 100,000 names.</summary>
internal static class SyntheticNames
{
    public static List<DesignationEntry> Generate(IReadOnlyList<DesignationEntry> real, int count, int seed)
    {
        var random = new Random(seed);
        var tokens = real.SelectMany(e => e.Names).SelectMany(n => Accuracy.VariantGenerator.Words(n.Text)).Where(w => w.Length > 2).Distinct().ToArray();
        var entries = new List<DesignationEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var length = 2 + random.Next(3);
            var words = new string[length];
            for (var w = 0; w < length; w++)
            {
                var word = tokens[random.Next(tokens.Length)];
                if (random.Next(4) == 0)
                {
                    var chars = word.ToCharArray();
                    chars[random.Next(chars.Length)] = (char)('A' + random.Next(26));
                    word = new string(chars);
                }

                words[w] = word;
            }

            var names = new List<SubjectName> { new(string.Join(' ', words)) };
            if (random.Next(10) == 0)
            {
                names.Add(new SubjectName(string.Join(' ', words.Reverse())));
            }

            entries.Add(new DesignationEntry("GEN/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(3) == 0 ? SubjectKind.Entity : SubjectKind.Individual, names));
        }

        return entries;
    }
}
