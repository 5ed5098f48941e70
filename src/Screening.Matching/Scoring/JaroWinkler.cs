namespace Screening.Matching.Scoring;

/// <summary>Jaro-Winkler similarity on spans, allocation-free (standard prefix scale 0.1, up to 4 prefix characters).</summary>
internal static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1.0 : 0.0;
        }

        if (a.SequenceEqual(b))
        {
            return 1.0;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            a = a[..Math.Min(a.Length, 64)];
            b = b[..Math.Min(b.Length, 64)];
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        ulong matchedA = 0;
        ulong matchedB = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if ((matchedB & (1UL << j)) != 0 || a[i] != b[j])
                {
                    continue;
                }

                matchedA |= 1UL << i;
                matchedB |= 1UL << j;
                matches++;
                break;
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((matchedA & (1UL << i)) == 0)
            {
                continue;
            }

            while ((matchedB & (1UL << k)) == 0)
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }
}
