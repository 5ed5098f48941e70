namespace Screening.Matching.Indexing;

/// <summary>Per-thread reusable buffers for one search, so the hot path does not allocate per name it touches.</summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    /// <summary>
    /// Per indexed name, the evidence of the current pass (valid where <see cref="NameState.Stamp"/> equals
    /// <see cref="StampValue"/>). One struct per name rather than one array per field: the walk touches names in
    /// posting-list order, which is random in memory, and each touch then costs one cache line instead of five.
    /// </summary>
    public NameState[] Names { get; private set; } = [];

    public int[] Touched { get; private set; } = [];

    public int TouchedCount { get; set; }

    public int StampValue { get; private set; }

    /// <summary>Query weight whose posting lists were skipped as too common; counted as matched in the bound.</summary>
    public float SkippedWeight { get; set; }

    /// <summary>Similarity of (query token, vocabulary token) pairs already computed in this segment pass.</summary>
    public Dictionary<long, float> Similarities { get; private set; } = [];

    /// <summary>Retrieved vocabulary tokens per query token: flat list of (query token, vocabulary token).</summary>
    public List<(int QueryToken, int TokenId, float Similarity)> Retrieved { get; } = [];

    /// <summary>Per query token, its precomputed neighbour range in the segment, or -1 when scored live.</summary>
    public int[] NeighbourFrom { get; } = new int[InputLimits.MaxTokensPerName];

    /// <summary>End of each query token's precomputed neighbour range.</summary>
    public int[] NeighbourTo { get; } = new int[InputLimits.MaxTokensPerName];

    /// <summary>Per query token: left unmatched, is it evidence of another name (not short, not a misspelt legal form)? 0 unknown, 1 yes, 2 no.</summary>
    public byte[] ExtraWord { get; } = new byte[InputLimits.MaxTokensPerName];

    /// <summary>Per query token, from the walk: 0 walked, 1 weak neighbours skipped, 2 all skipped (too common).</summary>
    public byte[] SkippedTokens { get; } = new byte[InputLimits.MaxTokensPerName];

    /// <summary>
    /// Unwalked neighbours of skipped query tokens, credited to the names over the floor: (query token, similarity, index
    /// of the next entry of the same vocabulary token or -1).
    /// </summary>
    public List<(int QueryToken, float Similarity, int Next)> SkippedNeighbours { get; } = [];

    /// <summary>Per vocabulary token: 1 + index into <see cref="SkippedNeighbours"/> of its last entry when marked in the current pass, else 0.</summary>
    public int[] SkippedMark { get; private set; } = [];

    /// <summary>Makes <see cref="SkippedMark"/> cover <paramref name="vocabularySize"/> tokens (all unmarked).</summary>
    public void EnsureSkippedMark(int vocabularySize)
    {
        if (SkippedMark.Length < vocabularySize)
        {
            SkippedMark = new int[Math.Max(vocabularySize, SkippedMark.Length * 2)];
        }
    }

    /// <summary>Per query token written in an abjad, its <see cref="Scoring.AbjadQuery"/> (set by <see cref="PrepareAbjad"/>).</summary>
    public Scoring.AbjadQuery[] AbjadQueries { get; } = new Scoring.AbjadQuery[InputLimits.MaxTokensPerName];

    /// <summary>Prepares <see cref="AbjadQueries"/> for the query's abjad tokens (the others are never read).</summary>
    public void PrepareAbjad(Normalisation.NameToken[] query)
    {
        for (var i = 0; i < query.Length && i < AbjadQueries.Length; i++)
        {
            if (query[i].Abjad)
            {
                AbjadQueries[i] = new Scoring.AbjadQuery(query[i]);
            }
        }
    }

    /// <summary>Buffer for the token ids an unknown query token retrieves.</summary>
    public List<int> CandidateTokens { get; } = [];

    public int[] HeapNames { get; } = new int[MaxCandidates];

    public float[] HeapScores { get; } = new float[MaxCandidates];

    public const int MaxCandidates = 32;

    /// <summary>Largest similarity cache kept between searches (entries); a larger one is replaced, not cleared.</summary>
    private const int KeptSimilarityCapacity = 4096;

    [ThreadStatic]
    private static SearchScratch? explaining;

    public static SearchScratch ForCurrentThread() => current ??= new SearchScratch();

    /// <summary>A second per-thread instance for scoring single pairs (explanations) while <see cref="ForCurrentThread"/> may be in use.</summary>
    public static SearchScratch ForExplanations() => explaining ??= new SearchScratch();

    /// <summary>Prepares for a pass over a segment of <paramref name="nameCount"/> names.</summary>
    public void Begin(int nameCount)
    {
        if (Names.Length < nameCount)
        {
            var size = Math.Max(nameCount, Names.Length * 2);
            Names = new NameState[size];
            Touched = new int[size];
            StampValue = 0;
        }

        StampValue++;
        if (StampValue == int.MaxValue)
        {
            Array.Clear(Names);
            StampValue = 1;
        }

        TouchedCount = 0;
        Array.Clear(ExtraWord);
        Array.Clear(SkippedTokens);
        SkippedWeight = 0;
        ClearSimilarities();
        Retrieved.Clear();
    }

    /// <summary>
    /// Empties the similarity cache. <see cref="Dictionary{TKey,TValue}.Clear"/> zeroes the whole bucket array, which keeps
    /// the largest size any search ever needed: after one query that compared tens of thousands of tokens, every later
    /// search (and every explanation) paid for zeroing it. A cache grown past <see cref="KeptSimilarityCapacity"/> is
    /// replaced by a small one instead.
    /// </summary>
    private void ClearSimilarities()
    {
        if (Similarities.Count == 0)
        {
            return;
        }

        if (Similarities.EnsureCapacity(0) > KeptSimilarityCapacity)
        {
            Similarities = new Dictionary<long, float>(256);
        }
        else
        {
            Similarities.Clear();
        }
    }
}

/// <summary>One indexed name's evidence in a search pass (see <see cref="SearchScratch.Names"/>).</summary>
internal struct NameState
{
    /// <summary>Pass the fields belong to; stale when it differs from <see cref="SearchScratch.StampValue"/>.</summary>
    public int Stamp;

    /// <summary>Query token that contributed last (postings of one query token arrive together).</summary>
    public int LastToken;

    /// <summary>Query-side evidence: sum over query tokens of weight x best similarity.</summary>
    public float Accumulated;

    /// <summary>The last query token's contribution to <see cref="Accumulated"/>.</summary>
    public float Contribution;

    /// <summary>Name-side evidence: weights of the name's tokens that some query token retrieved.</summary>
    public float Evidence;
}
