using Screening.Grains.Indexing;
using Screening.Lists.History;
using Screening.Matching;

namespace Screening.Grains.Screening;

/// <summary>A designation that matched, with the revisions that decide its status at the as-of date.</summary>
public sealed record ScreeningHit(ListIndex List, IndexedDesignation Designation, MatchHit Match, DesignationRevision? ListedBy, DesignationRevision? DelistedBy)
{
    /// <summary>"&lt;list id&gt;/&lt;source id&gt;".</summary>
    public string DesignationId => List.ListId + "/" + Designation.SourceId;
}
