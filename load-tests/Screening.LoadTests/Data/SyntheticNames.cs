using System.Text;

namespace Screening.LoadTests.Data;

/// <summary>
/// Made-up names from two alphabets that the matcher cannot confuse: listed names use only the consonants
/// b d k l m n r t, clean (never listed) names only f h j z. The matcher folds g/p/v/w/q/c/x onto other consonants,
/// so none of those appear: a clean name's consonant skeleton shares nothing with a listed one, and a clean subject
/// must come back without hits from the generated lists. Each name is written in Latin, Cyrillic and Arabic script
/// by letter-for-letter transliteration (Arabic drops the short vowels e and o, as Arabic writing does).
/// </summary>
public static class SyntheticNames
{
    private const string ListedConsonants = "bdklmnrt";
    private const string CleanConsonants = "fhjz";
    private const string Vowels = "aeiou";

    /// <summary>One capitalised Latin word of two or three syllables.</summary>
    public static string Word(Random random, bool listed)
    {
        var consonants = listed ? ListedConsonants : CleanConsonants;
        var syllables = random.Next(2, 4);
        var sb = new StringBuilder(syllables * 2 + 1);
        for (var i = 0; i < syllables; i++)
        {
            sb.Append(consonants[random.Next(consonants.Length)]);
            sb.Append(Vowels[random.Next(Vowels.Length)]);
        }

        if (random.Next(3) == 0)
        {
            sb.Append(consonants[random.Next(consonants.Length)]);
        }

        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    /// <summary>A name of <paramref name="tokens"/> words.</summary>
    public static string Name(Random random, bool listed, int tokens)
    {
        var words = new string[tokens];
        for (var i = 0; i < tokens; i++)
        {
            words[i] = Word(random, listed);
        }

        return string.Join(' ', words);
    }

    /// <summary>The name in Cyrillic script.</summary>
    public static string ToCyrillic(string latin) => Map(latin, c => c switch
    {
        'a' => "а", 'e' => "е", 'i' => "и", 'o' => "о", 'u' => "у",
        'b' => "б", 'd' => "д", 'k' => "к", 'l' => "л", 'm' => "м", 'n' => "н", 'r' => "р", 't' => "т",
        'f' => "ф", 'h' => "х", 'j' => "дж", 'z' => "з",
        _ => c.ToString(),
    });

    /// <summary>The name in Arabic script.</summary>
    public static string ToArabic(string latin) => Map(latin, c => c switch
    {
        'a' => "ا", 'i' => "ي", 'u' => "و", 'e' or 'o' => string.Empty,
        'b' => "ب", 'd' => "د", 'k' => "ك", 'l' => "ل", 'm' => "م", 'n' => "ن", 'r' => "ر", 't' => "ت",
        'f' => "ف", 'h' => "ه", 'j' => "ج", 'z' => "ز",
        _ => c.ToString(),
    });

    private static string Map(string latin, Func<char, string> letter)
    {
        var sb = new StringBuilder(latin.Length * 2);
        var upper = true;
        foreach (var ch in latin)
        {
            if (ch == ' ')
            {
                sb.Append(' ');
                upper = true;
                continue;
            }

            var mapped = letter(char.ToLowerInvariant(ch));
            sb.Append(upper && mapped.Length > 0 ? mapped.ToUpperInvariant() : mapped);
            upper = upper && mapped.Length == 0;
        }

        return sb.ToString();
    }
}
