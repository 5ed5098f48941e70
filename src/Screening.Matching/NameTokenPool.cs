using Screening.Matching.Normalisation;

namespace Screening.Matching;

/// <summary>
/// Equal normalised tokens shared between <see cref="PreparedEntry"/> instances, so a large set of prepared entries holds
/// each distinct token once. Not thread-safe: use one pool from one thread at a time.
/// </summary>
public sealed class NameTokenPool
{
    private readonly Dictionary<NameToken, NameToken> _tokens = [];

    /// <summary>Distinct tokens held.</summary>
    public int Count => _tokens.Count;

    internal NormalisedName Share(NormalisedName name)
    {
        if (name.Tokens.Length == 0)
        {
            return name;
        }

        var tokens = new NameToken[name.Tokens.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            tokens[t] = Share(name.Tokens[t]);
        }

        // Informative is either every token or the subset that is not noise, in order.
        var informative = name.Informative.Length == name.Tokens.Length ? tokens : new NameToken[name.Informative.Length];
        if (!ReferenceEquals(informative, tokens))
        {
            for (var t = 0; t < informative.Length; t++)
            {
                informative[t] = Share(name.Informative[t]);
            }
        }

        return new NormalisedName(name.Original, tokens, informative);
    }

    private NameToken Share(NameToken token)
    {
        if (_tokens.TryGetValue(token, out var shared))
        {
            return shared;
        }

        _tokens.Add(token, token);
        return token;
    }
}
