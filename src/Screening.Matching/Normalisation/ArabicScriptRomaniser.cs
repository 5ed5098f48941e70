using System.Text;

namespace Screening.Matching.Normalisation;

/// <summary>
/// Romanises words in Arabic script (Arabic, Persian/Dari, Pashto, Urdu). The script writes long vowels only, so
/// the output keeps consonants and long vowels (محمد → mhmd, طالبان → talban); tokens from it are flagged as abjad
/// and compared on their consonant skeleton. The article ال is split off (التكريتي → al tkriti).
/// </summary>
internal static class ArabicScriptRomaniser
{
    /// <summary>The vowel written between two consonants that would otherwise read as a Latin digraph (سح → seh, not sh).</summary>
    public const char DigraphSeparator = 'e';

    public static bool IsArabicScript(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Appends the romanisation of one word.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<char> word)
    {
        // Split the definite article off, except in the name of God (الله, عبدالله keeps it inside), which Urdu writes
        // with its own letters for h (اللہ, اللھ: ثناء اللہ, Sanaullah).
        if (word.Length > 3 && word[0] == 'ا' && word[1] == 'ل' && !IsAllah(word))
        {
            output.Append("al ");
            word = word[2..];
        }

        var start = output.Length;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var atStart = output.Length == start;
            var previousIsVowel = !atStart && output[^1] is 'a' or 'i' or 'u' or 'e' or 'o';
            var atEnd = i == word.Length - 1;
            var nextIsLongVowel = !atEnd && word[i + 1] is 'ا' or 'ي' or 'ی';
            var romanised = c switch
            {
                'ا' or 'ٱ' or 'آ' or 'أ' or 'ى' => "a",
                'إ' => "i",
                'ء' or 'ـ' or 'ْ' or 'ّ' or 'ٌ' or 'ٍ' or 'ً' => string.Empty,
                'ؤ' => "u",
                'ئ' => "i",
                'ب' => "b",
                'ت' or 'ط' or 'ټ' or 'ٹ' => "t",
                'ة' or 'ۃ' => "a",
                // th in Arabic (Uthman), s in Persian, Dari, Pashto and Urdu (Saqib): see NameToken.LooseConsonants.
                'ث' => "th",
                'ج' => "j",
                'ح' or 'ه' or 'ہ' or 'ھ' or 'ۀ' => "h",
                'خ' => "kh",
                'د' or 'ډ' or 'ڈ' => "d",
                // ذ and ض are d-like in Arabic (dh, d) and z in Persian, Dari, Pashto and Urdu (Zakir, Fazl): "dh" keys as
                // d, and NameToken's loose skeleton reads it as z.
                'ذ' or 'ض' => "dh",
                'ر' or 'ړ' or 'ڑ' => "r",
                'ز' or 'ظ' or 'ځ' => "z",
                'ژ' or 'ږ' => "zh",
                'س' or 'ص' or 'څ' => "s",
                'ش' or 'ښ' => "sh",
                'ع' => atStart ? "a" : string.Empty,
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' or 'ک' or 'ګ' => "k",
                'گ' => "g",
                'ل' => "l",
                'م' => "m",
                'ن' or 'ڼ' or 'ں' => "n",
                'و' => atStart || previousIsVowel || nextIsLongVowel ? "w" : "u",
                'ي' or 'ی' or 'ۍ' or 'ئ' => atStart || (previousIsVowel && !atEnd) ? "y" : "i",
                'ې' or 'ے' => "e",
                'پ' => "p",
                'چ' => "ch",
                'َ' => "a",
                'ُ' => "u",
                'ِ' => "i",
                >= '٠' and <= '٩' => ((char)('0' + (c - '٠'))).ToString(),
                >= '۰' and <= '۹' => ((char)('0' + (c - '۰'))).ToString(),
                _ => IsArabicScript(c) ? string.Empty : c.ToString(),
            };

            // ط+ه is not ث and ت+ص is not ц: keep adjacent consonants from reading as a Latin digraph. The separator is
            // "e", which the script never writes otherwise (ې and ے aside), so NameToken can still tell the two letters
            // apart from a written long vowel (اسحاق, asehaq; ساهر, sahr) when it reads them as Latin does (Ishaq).
            if (romanised.Length > 0 && !atStart && FormsDigraph(output[^1], romanised[0]))
            {
                output.Append(DigraphSeparator);
            }

            output.Append(romanised);
        }
    }

    private static bool IsAllah(ReadOnlySpan<char> word) =>
        word.Length == 4 && word[0] == 'ا' && word[1] == 'ل' && word[2] == 'ل' && word[3] is 'ه' or 'ہ' or 'ھ';

    private static bool FormsDigraph(char previous, char next) =>
        (next == 'h' && previous is 't' or 's' or 'k' or 'g' or 'd' or 'z' or 'c' or 'p')
        || (previous == 't' && next is 's' or 'z')
        || (previous == 'd' && next is 'j' or 'z');
}
