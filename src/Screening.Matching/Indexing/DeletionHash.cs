namespace Screening.Matching.Indexing;

/// <summary>64-bit FNV-1a hash of a token with one character left out, for the edit-distance neighbourhood (symmetric deletions).</summary>
internal static class DeletionHash
{
    /// <summary>Shortest token whose deletions are indexed; shorter tokens are matched on exact text and phonetic key.</summary>
    public const int MinLength = 4;

    public static ulong Of(ReadOnlySpan<char> token, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < token.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            hash ^= token[i];
            hash *= 1099511628211UL;
        }

        return hash ^ (ulong)(token.Length - (skip >= 0 ? 1 : 0));
    }
}
