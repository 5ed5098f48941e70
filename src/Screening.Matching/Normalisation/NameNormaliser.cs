using System.Text;

namespace Screening.Matching.Normalisation;

/// <summary>
/// The whole normalisation pipeline for one name: clean (length bound, invisible characters, NFKC, case), romanise
/// per script, split into tokens on punctuation and spaces (apostrophes join), apply Arabic name conventions, and
/// classify noise words.
/// </summary>
internal static class NameNormaliser
{
    public static NormalisedName Normalise(string? name)
    {
        var cleaned = TextCleaner.Clean(name);
        if (cleaned.Length == 0)
        {
            return new NormalisedName(name ?? string.Empty, [], []);
        }

        var raw = new List<string>();
        var abjadFlags = new List<bool>();
        var romanised = new StringBuilder(cleaned.Length + 8);
        foreach (var word in cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            romanised.Clear();
            var abjad = ScriptRomaniser.Append(romanised, word);
            SplitTokens(romanised, raw, abjadFlags, abjad);
            if (raw.Count >= InputLimits.MaxTokensPerName * 2)
            {
                break;
            }
        }

        var anyAbjad = abjadFlags.Contains(true);
        Dictionary<string, bool>? abjadByText = null;
        if (anyAbjad)
        {
            abjadByText = new Dictionary<string, bool>(StringComparer.Ordinal);
            for (var i = 0; i < raw.Count; i++)
            {
                abjadByText[raw[i]] = abjadFlags[i] || abjadByText.GetValueOrDefault(raw[i]);
            }
        }

        var rewritten = ArabicNameRules.Apply(raw);
        var count = Math.Min(rewritten.Count, InputLimits.MaxTokensPerName);
        var tokens = new NameToken[count];
        var informativeCount = 0;
        for (var i = 0; i < count; i++)
        {
            var text = rewritten[i];
            var abjad = abjadByText is not null && (abjadByText.TryGetValue(text, out var flag) ? flag : anyAbjad);
            // The key is computed once, for the role and the token.
            var key = PhoneticKey.Of(text, abjad);
            var consonants = PhoneticKey.ConsonantsOf(key);
            var role = abjad ? NoiseWords.RoleOfAbjad(text, consonants) : NoiseWords.RoleOf(text, key);
            if (role == TokenRole.Informative && (ArabicNameRules.IsSunLetterArticle(text, i + 1 < count ? rewritten[i + 1] : null)
                || ArabicNameRules.IsPatronymicBen(text, i, count)))
            {
                role = TokenRole.Particle;
            }
            else if (role == TokenRole.Informative && (IsCompanyAbbreviation(text, i, count, i + 1 < count ? rewritten[i + 1] : null)
                || (abjad && NoiseWords.IsClosingAbjadLegalForm(text, i, count))))
            {
                role = TokenRole.LegalForm;
            }

            tokens[i] = NameToken.Create(text, abjad, role, key, consonants, afterArticle: abjad && i > 0 && rewritten[i - 1] == "al");
            if (role == TokenRole.Informative)
            {
                informativeCount++;
            }
        }

        NameToken[] informative;
        if (informativeCount == 0)
        {
            informative = tokens;
        }
        else
        {
            informative = new NameToken[informativeCount];
            var j = 0;
            foreach (var t in tokens)
            {
                if (t.Role == TokenRole.Informative)
                {
                    informative[j++] = t;
                }
            }
        }

        return new NormalisedName(name ?? string.Empty, tokens, informative);
    }

    /// <summary>
    /// "Ko" is "Co." as Russian writes it (Ко., Лтд.): a legal form when it closes a name or comes before another legal
    /// form, never as a name's first word (Ko is also a Korean surname: KO Tae Hun).
    /// </summary>
    private static bool IsCompanyAbbreviation(string token, int position, int count, string? next) =>
        token == "ko" && position > 0 && (position + 1 == count || NoiseWords.RoleOf(next!) == TokenRole.LegalForm);

    private static void SplitTokens(StringBuilder romanised, List<string> tokens, List<bool> abjadFlags, bool abjad)
    {
        Span<char> buffer = stackalloc char[Math.Min(romanised.Length, 256)];
        var length = 0;
        for (var i = 0; i <= romanised.Length; i++)
        {
            var c = i < romanised.Length ? romanised[i] : ' ';
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }

                continue;
            }

            if (c is >= 'A' and <= 'Z')
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = (char)(c + 32);
                }

                continue;
            }

            if (c is '\'' or '`' or '\u2019' or '\u02BC' or '\u02BB' or '\u2018' or '\u00B4')
            {
                continue;
            }

            if (length > 0)
            {
                tokens.Add(new string(buffer[..length]));
                abjadFlags.Add(abjad);
                length = 0;
            }
        }
    }
}
