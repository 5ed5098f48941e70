namespace Screening.Matching.Normalisation;

/// <summary>A name after normalisation: every token in order, and the informative ones that take part in matching.</summary>
internal sealed class NormalisedName
{
    public static readonly NormalisedName Empty = new(string.Empty, [], []);

    public NormalisedName(string original, NameToken[] tokens, NameToken[] informative)
    {
        Original = original;
        Tokens = tokens;
        Informative = informative;
    }

    /// <summary>The name as given.</summary>
    public string Original { get; }

    /// <summary>All tokens, in order, with their roles.</summary>
    public NameToken[] Tokens { get; }

    /// <summary>Tokens that create or block a match (all tokens when the name has nothing but noise words).</summary>
    public NameToken[] Informative { get; }

    public bool IsEmpty => Informative.Length == 0;
}
