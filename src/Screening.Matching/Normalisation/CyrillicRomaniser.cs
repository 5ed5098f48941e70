using System.Text;

namespace Screening.Matching.Normalisation;

/// <summary>
/// Romanises Cyrillic words: Russian (BGN/PCGN-like, the form most passports and lists use), with the letters and
/// conventions of Ukrainian, Kazakh, Kyrgyz and Tajik. Competing romanisations (ю yu/iu/ju, х kh/h, қ k/q) are not
/// enumerated here: <see cref="PhoneticKey"/> folds them together when tokens are compared.
/// </summary>
internal static class CyrillicRomaniser
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF' or >= '\u0500' and <= '\u052F';

    /// <summary>Appends the romanisation of one lower-case word (which may mix Cyrillic with other characters).</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<char> word)
    {
        var ukrainian = IsUkrainian(word);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var atStart = i == 0 || !IsCyrillic(word[i - 1]);
            output.Append(c switch
            {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' => ukrainian ? "h" : "g",
                'ґ' => "g",
                'д' => "d",
                'е' => "e",
                'ё' => "yo",
                'є' => atStart ? "ye" : "ie",
                'ж' => "zh",
                'з' => "z",
                'и' => ukrainian ? "y" : "i",
                'і' => "i",
                'ї' => atStart ? "yi" : "i",
                'й' => "y",
                'к' => "k",
                'л' => "l",
                'м' => "m",
                'н' => "n",
                'о' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' => "u",
                'ф' => "f",
                'х' => "kh",
                'ц' => "ts",
                'ч' => "ch",
                'ш' => "sh",
                'щ' => ukrainian ? "shch" : "shch",
                'ъ' => string.Empty,
                'ы' => "y",
                'ь' => string.Empty,
                'э' => "e",
                'ю' => "yu",
                'я' => "ya",
                // Kazakh
                'ә' => "a",
                'ғ' => "g",
                'қ' => "k",
                'ң' => "n",
                'ө' => "o",
                'ұ' => "u",
                'ү' => "u",
                'һ' => "h",
                // Tajik
                'ӣ' => "i",
                'ӯ' => "u",
                'ҳ' => "h",
                'ҷ' => "j",
                // Belarusian, Serbian, Macedonian
                'ў' => "u",
                'ђ' => "dj",
                'ј' => "j",
                'љ' => "lj",
                'њ' => "nj",
                'ћ' => "c",
                'џ' => "dz",
                'ѓ' => "gj",
                'ќ' => "kj",
                'ѕ' => "dz",
                _ => c.ToString(),
            });
        }
    }

    private static bool IsUkrainian(ReadOnlySpan<char> word)
    {
        var hasUkrainianLetter = false;
        foreach (var c in word)
        {
            switch (c)
            {
                case 'ї' or 'є' or 'ґ':
                    return true;
                case 'і':
                    hasUkrainianLetter = true;
                    break;
                case 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'ы' or 'э' or 'ё' or 'ъ':
                    return false;
            }
        }

        return hasUkrainianLetter;
    }
}
