namespace Screening.Matching.Normalisation;

/// <summary>One normalised token of a name.</summary>
/// <param name="Text">Romanised, lower-case ASCII letters and digits.</param>
/// <param name="Key">Vowel-class phonetic key (<see cref="PhoneticKey.Of"/>).</param>
/// <param name="Consonants">Consonant skeleton (<see cref="PhoneticKey.ConsonantsOf"/>).</param>
/// <param name="Abjad">True when the token was written in a script without short vowels (Arabic, Hebrew).</param>
/// <param name="Role">Informative, or a kind of noise word.</param>
internal sealed record NameToken(string Text, string Key, string Consonants, bool Abjad, TokenRole Role)
{
    public bool HasDigit { get; } = Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>Looser consonant skeleton for abjad comparisons (<see cref="PhoneticKey.LooseConsonantsOf"/>).</summary>
    public string LooseConsonants { get; } = PhoneticKey.LooseConsonantsOf(Key, Consonants);

    /// <summary>Set of the characters of <see cref="Text"/> (bit <c>c &amp; 63</c>), for a cheap upper bound of Jaro-Winkler.</summary>
    public ulong TextLetters { get; } = LettersOf(Text);

    /// <summary>Set of the characters of <see cref="Key"/>.</summary>
    public ulong KeyLetters { get; } = LettersOf(Key);

    /// <summary>Set of the characters of <see cref="Consonants"/>.</summary>
    public ulong ConsonantLetters { get; } = LettersOf(Consonants);

    public static NameToken Create(string text, bool abjad, TokenRole role)
    {
        var key = PhoneticKey.Of(text, abjad);
        return new NameToken(text, key, PhoneticKey.ConsonantsOf(key), abjad, role);
    }

    private static ulong LettersOf(string text)
    {
        ulong set = 0;
        foreach (var c in text)
        {
            set |= 1UL << (c & 63);
        }

        return set;
    }
}
