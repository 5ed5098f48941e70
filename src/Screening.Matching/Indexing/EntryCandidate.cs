namespace Screening.Matching.Indexing;

/// <summary>The best name match found so far for one entry of one segment.</summary>
internal struct EntryCandidate
{
    public int Segment;
    public int Entry;
    public double NameScore;
    public int QueryName;
    public int Name;
    public double Score;

    /// <summary>The query name's token weights in the search pass that found it (null for identifier matches), so the explanation need not retrieve again.</summary>
    public float[]? QueryWeights;
}
