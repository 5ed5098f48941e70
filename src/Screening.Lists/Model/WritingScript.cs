using System.Text;

namespace Screening.Lists.Model;

/// <summary>Detects the ISO 15924 script of a name from its letters.</summary>
public static class WritingScript
{
    /// <summary>Returns the script of the majority of letters, <c>Zyyy</c> when there are none.</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<int> counts = stackalloc int[10];
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            counts[Classify(rune.Value)]++;
        }

        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > bestCount)
            {
                best = i;
                bestCount = counts[i];
            }
        }

        return best switch
        {
            0 => "Latn",
            1 => "Cyrl",
            2 => "Arab",
            3 => "Grek",
            4 => "Hebr",
            5 => "Hani",
            6 => "Hang",
            7 => "Kana",
            8 => "Geor",
            9 => "Zzzz",
            _ => "Zyyy",
        };
    }

    private static int Classify(int cp) => cp switch
    {
        < 0x0250 => 0,
        >= 0x1E00 and < 0x1F00 => 0,
        >= 0x0370 and < 0x0400 => 3,
        >= 0x0400 and < 0x0530 => 1,
        >= 0x0590 and < 0x0600 => 4,
        >= 0x0600 and < 0x0780 => 2,
        >= 0x08A0 and < 0x0900 => 2,
        >= 0xFB50 and < 0xFE00 => 2,
        >= 0xFE70 and < 0xFF00 => 2,
        >= 0x10A0 and < 0x1100 => 8,
        >= 0x1100 and < 0x1200 => 6,
        >= 0xAC00 and < 0xD7B0 => 6,
        >= 0x3040 and < 0x3100 => 7,
        >= 0x4E00 and < 0xA000 => 5,
        >= 0x3400 and < 0x4DC0 => 5,
        _ => 9,
    };
}
