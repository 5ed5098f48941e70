using System.Text;
using AnyAscii;

namespace Screening.Matching.Normalisation;

/// <summary>
/// Turns one cleaned word in any script into lower-case Latin: own rules for Cyrillic and Arabic script (where the
/// romanisations that sanctions lists use differ from a generic table), AnyAscii for everything else (Latin
/// diacritics, Greek, Armenian, Georgian, Hebrew, CJK...).
/// </summary>
internal static class ScriptRomaniser
{
    /// <summary>Appends the romanised word; returns true when it was written in an abjad (Arabic or Hebrew script).</summary>
    public static bool Append(StringBuilder output, ReadOnlySpan<char> word)
    {
        var abjad = false;
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c < 0x80)
            {
                output.Append(c);
                i++;
                continue;
            }

            var end = i + 1;
            if (CyrillicRomaniser.IsCyrillic(c))
            {
                while (end < word.Length && CyrillicRomaniser.IsCyrillic(word[end]))
                {
                    end++;
                }

                CyrillicRomaniser.Append(output, word[i..end]);
            }
            else if (ArabicScriptRomaniser.IsArabicScript(c))
            {
                while (end < word.Length && ArabicScriptRomaniser.IsArabicScript(word[end]))
                {
                    end++;
                }

                ArabicScriptRomaniser.Append(output, word[i..end]);
                abjad = true;
            }
            else
            {
                if (char.IsHighSurrogate(c) && end < word.Length)
                {
                    end++;
                }

                abjad |= c is >= '\u0590' and <= '\u05FF';
                var syllabic = c is >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3' or >= '\u3400' and <= '\u4DBF';
                if (syllabic)
                {
                    output.Append(' ');
                }

                output.Append(Transliteration.Transliterate(word[i..end].ToString()).ToLowerInvariant());
                if (syllabic)
                {
                    output.Append(' ');
                }
            }

            i = end;
        }

        return abjad;
    }
}
