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

    /// <summary>Sum of the token weights of each name (for the name-side coverage bound).</summary>
    public required float[] NameWeight { get; init; }

    /// <summary>Sum of the weights of each name's single-letter tokens (for the name-side bound of a query with initials).</summary>
    public required float[] NameInitialWeight { get; init; }

    public required NameToken[] Vocabulary { get; init; }

    public required float[] Weights { get; init; }

    public required Dictionary<string, int> TokenIds { get; init; }

    public required int[][] Postings { get; init; }

    public required Dictionary<string, int[]> ByKey { get; init; }

    public required Dictionary<string, int[]> ByConsonants { get; init; }

    public required ulong[] DeletionHashes { get; init; }

    public required int[] DeletionTokens { get; init; }

    /// <summary>Open-addressing table over <see cref="DeletionHashes"/>: slot → 1 + index of the first row of a hash (0 = empty).</summary>
    public required int[] DeletionSlots { get; init; }

    public required Dictionary<string, int[]> ByIdentifier { get; init; }

    /// <summary>Per vocabulary token, its <see cref="Scoring.TokenSketch"/> (set once by the builder).</summary>
    public Scoring.TokenSketch[] Sketches { get; set; } = [];

    /// <summary>Per vocabulary token, its <see cref="Scoring.AbjadSketch"/> (set once by the builder).</summary>
    public Scoring.AbjadSketch[] AbjadSketches { get; set; } = [];

    /// <summary>Per vocabulary token, its <see cref="Scoring.LatinView"/> for pairs with an abjad query token (set once by the builder).</summary>
    public Scoring.LatinView[] LatinViews { get; set; } = [];

    /// <summary>Per vocabulary token, true when its neighbours were precomputed.</summary>
    public bool[] HasNeighbours { get; set; } = [];

    /// <summary>Per vocabulary token, the range [start[id], start[id + 1]) of its neighbours in <see cref="NeighbourIds"/> (set once by the builder).</summary>
    public int[] NeighbourStart { get; set; } = [0];

    /// <summary>Neighbour token ids, ascending within each token's range.</summary>
    public int[] NeighbourIds { get; set; } = [];

    /// <summary>Similarity of each neighbour (<see cref="Scoring.TokenSimilarity.Compute"/>).</summary>
    public float[] NeighbourSimilarities { get; set; } = [];

    /// <summary>Names over which the weights were computed (the reference segment's count).</summary>
    public required int ReferenceNameCount { get; init; }

    public int NameCount => NameEntry.Length;

    /// <summary>Weight of a token text by this segment's statistics, or null when unknown here.</summary>
    public float? WeightOf(string text) => TokenIds.TryGetValue(text, out var id) ? Weights[id] : null;

    /// <summary>Index of the first deletion-hash row equal to <paramref name="hash"/>, or -1 (one or two cache misses, not a binary search).</summary>
    public int FindDeletion(ulong hash)
    {
        var mask = DeletionSlots.Length - 1;
        for (var slot = (int)(hash ^ (hash >> 29)) & mask; ; slot = (slot + 1) & mask)
        {
            var row = DeletionSlots[slot] - 1;
            if (row < 0)
            {
                return -1;
            }

            if (DeletionHashes[row] == hash)
            {
                return row;
            }
        }
    }

    /// <summary>Builds the slot table for sorted deletion hashes.</summary>
    public static int[] BuildSlots(ulong[] sortedHashes)
    {
        var size = 1;
        while (size < sortedHashes.Length * 2)
        {
            size <<= 1;
        }

        var slots = new int[Math.Max(size, 2)];
        var mask = slots.Length - 1;
        for (var i = 0; i < sortedHashes.Length; i++)
        {
            if (i > 0 && sortedHashes[i] == sortedHashes[i - 1])
            {
                continue;
            }

            var hash = sortedHashes[i];
            var slot = (int)(hash ^ (hash >> 29)) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        return slots;
    }
}
