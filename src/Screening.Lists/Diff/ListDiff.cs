using Screening.Lists.Model;
using Screening.Lists.Parsing;

namespace Screening.Lists.Diff;

/// <summary>Computes the <see cref="ListDelta"/> between a list's current version and an incoming set. Pure, O(n).</summary>
public static class ListDiff
{
    /// <summary>
    /// Compares <paramref name="incoming"/> with <paramref name="current"/>. A source id occurring twice in the
    /// incoming set is a <see cref="ListFormatException"/>.
    /// </summary>
    public static ListDelta Compute(ListSnapshot current, IEnumerable<Designation> incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var listed = new List<DesignationChange>();
        var amended = new List<DesignationChange>();
        var relisted = new List<DesignationChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        var index = 0;
        foreach (var designation in incoming)
        {
            index++;
            if ((index & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!seen.Add(designation.SourceId))
            {
                throw new ListFormatException($"designation #{index} ({designation.SourceId})", $"the source id '{designation.SourceId}' occurs more than once");
            }

            var fingerprint = DesignationFingerprint.Compute(designation);
            if (!current.TryGet(designation.SourceId, out var entry))
            {
                listed.Add(new DesignationChange(designation, fingerprint, ValueArray<string>.Empty));
            }
            else if (!entry.InForce)
            {
                relisted.Add(new DesignationChange(designation, fingerprint, entry.Fingerprint.ChangedFields(fingerprint)));
            }
            else if (string.Equals(entry.Fingerprint.Value, fingerprint.Value, StringComparison.Ordinal))
            {
                unchanged++;
            }
            else
            {
                amended.Add(new DesignationChange(designation, fingerprint, entry.Fingerprint.ChangedFields(fingerprint)));
            }
        }

        var delisted = new List<string>();
        foreach (var entry in current.Entries)
        {
            if (entry.InForce && !seen.Contains(entry.SourceId))
            {
                delisted.Add(entry.SourceId);
            }
        }

        delisted.Sort(StringComparer.Ordinal);
        return new ListDelta
        {
            Listed = listed,
            Amended = amended,
            Delisted = delisted,
            Relisted = relisted,
            UnchangedCount = unchanged,
        };
    }
}
