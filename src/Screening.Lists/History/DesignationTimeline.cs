namespace Screening.Lists.History;

/// <summary>
/// The pure point-in-time function: a designation's state in force at effective date D, as known at recorded
/// time T ("what did we know then"). Revisions recorded after T are ignored; of the rest, those effective on
/// or before D are ordered by effective date, then recorded time, then list version, and the last one decides.
/// </summary>
public static class DesignationTimeline
{
    /// <summary>Returns the state, or null when no revision recorded by <paramref name="knownAt"/> is effective by <paramref name="effectiveDate"/>.</summary>
    public static DesignationState? StateAt(IEnumerable<DesignationRevision> revisions, DateOnly effectiveDate, DateTimeOffset knownAt)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        DesignationRevision? decisive = null;
        DesignationRevision? lastContent = null;
        foreach (var revision in revisions)
        {
            if (revision.RecordedAt > knownAt || revision.EffectiveDate > effectiveDate)
            {
                continue;
            }

            if (decisive is null || Compare(revision, decisive) >= 0)
            {
                decisive = revision;
            }

            if (revision.Content is not null && (lastContent is null || Compare(revision, lastContent) >= 0))
            {
                lastContent = revision;
            }
        }

        return decisive is null ? null : new DesignationState(decisive.SourceId, decisive.InForce, lastContent?.Content, decisive);
    }

    /// <summary>Whether the designation is in force at <paramref name="effectiveDate"/> as known at <paramref name="knownAt"/>.</summary>
    public static bool IsInForce(IEnumerable<DesignationRevision> revisions, DateOnly effectiveDate, DateTimeOffset knownAt) =>
        StateAt(revisions, effectiveDate, knownAt)?.InForce ?? false;

    internal static int Compare(DesignationRevision a, DesignationRevision b)
    {
        var c = a.EffectiveDate.CompareTo(b.EffectiveDate);
        if (c != 0)
        {
            return c;
        }

        c = a.RecordedAt.CompareTo(b.RecordedAt);
        return c != 0 ? c : a.ListVersion.CompareTo(b.ListVersion);
    }
}
