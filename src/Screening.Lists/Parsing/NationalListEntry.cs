using Screening.Lists.History;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>One designation of a national-json document with the revisions the document states for it.</summary>
public sealed record NationalListEntry(Designation Designation, ValueArray<StatedRevision> Revisions)
{
    /// <summary>Whether the designation is in force after its last stated revision (by effective date); true when none is stated.</summary>
    public bool InForce => Revisions.Count == 0 || Revisions.Items.MaxBy(r => r.EffectiveDate)!.Kind != RevisionKind.Delisted;
}
