using System.Globalization;
using System.Text;

namespace Screening.Matching.Normalisation;

/// <summary>First normalisation step: bound the length, drop invisible and invalid characters, NFKC, lower case.</summary>
internal static class TextCleaner
{
    /// <summary>Returns the cleaned, lower-cased NFKC text; never throws, whatever the input.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        if (span.Length > InputLimits.MaxNameLength)
        {
            var cut = InputLimits.MaxNameLength;
            if (char.IsHighSurrogate(span[cut - 1]))
            {
                cut--;
            }

            span = span[..cut];
        }

        // Printable ASCII (most Latin names) has nothing to drop or compose: only the case changes.
        if (!span.ContainsAnyExceptInRange(' ', '~'))
        {
            return (span.Length == text.Length ? text : new string(span)).ToLowerInvariant();
        }

        var builder = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    builder.Append(c).Append(span[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    builder.Append(' ');
                    break;
                case UnicodeCategory.Format:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.PrivateUse:
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        string normalised;
        try
        {
            normalised = builder.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalised = builder.ToString();
        }

        return normalised.ToLowerInvariant();
    }
}
