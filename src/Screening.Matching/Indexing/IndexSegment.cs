using Screening.Matching.Normalisation;

namespace Screening.Matching.Indexing;

/// <summary>
/// An immutable part of an index: entries, their names as token ids, the token vocabulary with weights, posting lists
/// (token → names), phonetic-key and consonant-skeleton maps (key → tokens), the deletion neighbourhood
/// (hash → tokens, sorted for binary search) and the identifier map (canonical value → entries).
/// </summary>
internal sealed class IndexSegment
{
    public required DesignationEntry[] Entries { get; init; }

    public required int[] NameEntry { get; init; }

    public required string[] NameText { get; init; }

    public required bool[] NameWeak { get; init; }

    public required int[][] NameTokens { get; init; }

    public required NameToken[] Vocabulary { get; init; }

    public required float[] Weights { get; init; }

    public required Dictionary<string, int> TokenIds { get; init; }

    public required int[][] Postings { get; init; }

    public required Dictionary<string, int[]> ByKey { get; init; }

    public required Dictionary<string, int[]> ByConsonants { get; init; }

    public required ulong[] DeletionHashes { get; init; }

    public required int[] DeletionTokens { get; init; }

    public required Dictionary<string, int[]> ByIdentifier { get; init; }

    /// <summary>Names over which the weights were computed (the reference segment's count).</summary>
    public required int ReferenceNameCount { get; init; }

    public int NameCount => NameEntry.Length;

    /// <summary>Weight of a token text by this segment's statistics, or null when unknown here.</summary>
    public float? WeightOf(string text) => TokenIds.TryGetValue(text, out var id) ? Weights[id] : null;

    /// <summary>Index of the first deletion-hash row equal to <paramref name="hash"/>, or -1.</summary>
    public int FindDeletion(ulong hash)
    {
        var lo = 0;
        var hi = DeletionHashes.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (DeletionHashes[mid] < hash)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo < DeletionHashes.Length && DeletionHashes[lo] == hash ? lo : -1;
    }
}
