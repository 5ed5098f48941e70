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

    public static NameToken Create(string text, bool abjad, TokenRole role)
    {
        var key = PhoneticKey.Of(text);
        return new NameToken(text, key, PhoneticKey.ConsonantsOf(key), abjad, role);
    }
}
