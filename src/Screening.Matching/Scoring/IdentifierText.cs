namespace Screening.Matching.Scoring;

/// <summary>Canonical forms of identifier values and kinds: letters and digits only, upper case.</summary>
internal static class IdentifierText
{
    public static string Canonical(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(value.Length, 128)];
        var n = 0;
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 512)))
        {
            if (n < buffer.Length && char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        // "IMO 9187629" and "9187629" are the same vessel number.
        var canonical = buffer[..n];
        if (canonical.StartsWith("IMO") && canonical.Length > 3 && !canonical[3..].ContainsAnyExceptInRange('0', '9'))
        {
            canonical = canonical[3..];
        }

        return new string(canonical);
    }

    /// <summary>Kinds agree when either is blank or one canonical form contains the other ("Passport" / "Passport No.").</summary>
    public static bool KindsCompatible(string? a, string? b)
    {
        var x = Canonical(a);
        var y = Canonical(b);
        return x.Length == 0 || y.Length == 0 || x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }
}
