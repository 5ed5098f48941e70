using System.Collections.Immutable;
using Screening.Lists.Diff;
using Screening.Lists.Model;
using Screening.Lists.Parsing;

namespace Screening.Lists.History;

/// <summary>
/// The versioned history of one list: every version and every revision of every designation. Immutable:
/// an import returns a new history, so a failed import (malformed, truncated or wrong-format file) leaves the
/// caller's history exactly as it was. Pure: time comes in through <see cref="ImportContext.RecordedAt"/>.
/// </summary>
public sealed class ListHistory
{
    private readonly ImmutableDictionary<string, ImmutableList<DesignationRevision>> _revisions;
    private readonly ImmutableDictionary<string, SnapshotEntry> _current;

    private ListHistory(
        ListId listId,
        ImmutableList<ListVersion> versions,
        ImmutableDictionary<string, ImmutableList<DesignationRevision>> revisions,
        ImmutableDictionary<string, SnapshotEntry> current)
    {
        ListId = listId;
        Versions = versions;
        _revisions = revisions;
        _current = current;
    }

    public ListId ListId { get; }

    public ImmutableList<ListVersion> Versions { get; }

    /// <summary>The number of the latest version; 0 when nothing was ever imported.</summary>
    public int CurrentVersion => Versions.IsEmpty ? 0 : Versions[^1].Number;

    /// <summary>Every designation ever on the list.</summary>
    public IEnumerable<string> SourceIds => _revisions.Keys;

    /// <summary>Every revision, grouped by designation.</summary>
    public IEnumerable<DesignationRevision> Revisions => _revisions.Values.SelectMany(r => r);

    public static ListHistory Empty(ListId listId) => new(
        listId,
        ImmutableList<ListVersion>.Empty,
        ImmutableDictionary.Create<string, ImmutableList<DesignationRevision>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, SnapshotEntry>(StringComparer.Ordinal));

    /// <summary>Rebuilds a history from stored versions and revisions (e.g. grain state).</summary>
    public static ListHistory FromRevisions(ListId listId, IEnumerable<ListVersion> versions, IEnumerable<DesignationRevision> revisions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(revisions);
        var byDesignation = ImmutableDictionary.CreateBuilder<string, ImmutableList<DesignationRevision>>(StringComparer.Ordinal);
        var current = ImmutableDictionary.CreateBuilder<string, SnapshotEntry>(StringComparer.Ordinal);
        foreach (var group in revisions.GroupBy(r => r.SourceId, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.ListVersion).ThenBy(r => r.RecordedAt).ToImmutableList();
            byDesignation[group.Key] = ordered;
            var lastContent = ordered.LastOrDefault(r => r.Content is not null)?.Content;
            if (lastContent is not null)
            {
                current[group.Key] = new SnapshotEntry(group.Key, DesignationFingerprint.Compute(lastContent), ordered[^1].InForce);
            }
        }

        return new ListHistory(listId, versions.OrderBy(v => v.Number).ToImmutableList(), byDesignation.ToImmutable(), current.ToImmutable());
    }

    /// <summary>The revisions of one designation, in recording order (empty when unknown).</summary>
    public IReadOnlyList<DesignationRevision> RevisionsOf(string sourceId) =>
        _revisions.TryGetValue(sourceId, out var list) ? list : [];

    /// <summary>The latest recorded state of every designation, for diffing the next import.</summary>
    public ListSnapshot Snapshot() => new(_current.Values);

    /// <summary>One designation's state in force at <paramref name="effectiveDate"/> as known at <paramref name="knownAt"/>.</summary>
    public DesignationState? StateOf(string sourceId, DateOnly effectiveDate, DateTimeOffset knownAt) =>
        DesignationTimeline.StateAt(RevisionsOf(sourceId), effectiveDate, knownAt);

    /// <summary>The designations in force at <paramref name="effectiveDate"/> as known at <paramref name="knownAt"/>, ordered by source id.</summary>
    public IReadOnlyList<DesignationState> InForceAt(DateOnly effectiveDate, DateTimeOffset knownAt)
    {
        var result = new List<DesignationState>();
        foreach (var (_, revisions) in _revisions)
        {
            if (DesignationTimeline.StateAt(revisions, effectiveDate, knownAt) is { InForce: true } state)
            {
                result.Add(state);
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.SourceId, b.SourceId));
        return result;
    }

    /// <summary>
    /// Imports a parsed list: reads it completely, diffs it against the current state and, if anything changed,
    /// records one new version. Any <see cref="ListFormatException"/> from the file propagates and nothing is recorded.
    /// </summary>
    public ImportOutcome Import(ParsedList parsed, ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return Import(parsed.Designations, parsed.Metadata, context, cancellationToken);
    }

    /// <summary>Imports a complete set of designations (see <see cref="Import(ParsedList, ImportContext, CancellationToken)"/>).</summary>
    public ImportOutcome Import(IEnumerable<Designation> incoming, ListMetadata? metadata, ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var delta = ListDiff.Compute(Snapshot(), incoming, cancellationToken);
        if (!delta.HasChanges)
        {
            return new ImportOutcome(this, null, delta, ValueArray<DesignationRevision>.Empty);
        }

        var number = CurrentVersion + 1;
        var effective = context.EffectiveDate ?? metadata?.PublicationDate ?? DateOnly.FromDateTime(context.RecordedAt.UtcDateTime);
        var revisions = new List<DesignationRevision>(delta.Listed.Count + delta.Amended.Count + delta.Delisted.Count + delta.Relisted.Count);
        foreach (var change in delta.Listed)
        {
            revisions.Add(Revision(change, RevisionKind.Listed, change.Designation.ListedOn is { } listedOn && listedOn <= effective ? listedOn : effective));
        }

        foreach (var change in delta.Amended)
        {
            revisions.Add(Revision(change, RevisionKind.Amended, effective));
        }

        foreach (var change in delta.Relisted)
        {
            revisions.Add(Revision(change, RevisionKind.Relisted, effective));
        }

        foreach (var sourceId in delta.Delisted)
        {
            revisions.Add(new DesignationRevision
            {
                SourceId = sourceId,
                Kind = RevisionKind.Delisted,
                EffectiveDate = context.DelistingEffectiveDate ?? effective,
                RecordedAt = context.RecordedAt,
                LegalBasis = context.LegalBasis,
                Reason = context.Reason ?? "no longer on the published list",
                SourceReference = context.SourceReference,
                ListVersion = number,
            });
        }

        var version = new ListVersion
        {
            Number = number,
            RecordedAt = context.RecordedAt,
            PublicationDate = metadata?.PublicationDate,
            SourceReference = context.SourceReference,
            FormatName = metadata?.FormatName,
            Listed = delta.Listed.Count,
            Amended = delta.Amended.Count,
            Delisted = delta.Delisted.Count,
            Relisted = delta.Relisted.Count,
            Unchanged = delta.UnchangedCount,
        };
        var fingerprints = new Dictionary<string, DesignationFingerprint>(StringComparer.Ordinal);
        foreach (var change in delta.Listed.Concat(delta.Amended).Concat(delta.Relisted))
        {
            fingerprints[change.Designation.SourceId] = change.Fingerprint;
        }

        return new ImportOutcome(Apply(version, revisions, fingerprints), version, delta, revisions);

        DesignationRevision Revision(DesignationChange change, RevisionKind kind, DateOnly effectiveDate) => new()
        {
            SourceId = change.Designation.SourceId,
            Kind = kind,
            EffectiveDate = effectiveDate,
            RecordedAt = context.RecordedAt,
            LegalBasis = change.Designation.LegalBasis ?? context.LegalBasis,
            Reason = context.Reason,
            SourceReference = context.SourceReference,
            ListVersion = number,
            Content = change.Designation,
            Fingerprint = change.Fingerprint.Value,
            ChangedFields = change.ChangedFields,
        };
    }

    /// <summary>
    /// Records the revisions a national-json document states (listed/delisted with dates and legal basis).
    /// Revisions already recorded (same designation, kind and effective date) are not recorded again; content
    /// changes without a stated revision become Amended; designations missing from the document become Delisted
    /// at its publication date. Nothing new → no version.
    /// </summary>
    public ImportOutcome ApplyStated(NationalListDocument document, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var number = CurrentVersion + 1;
        var effective = context.EffectiveDate ?? document.Metadata.PublicationDate ?? DateOnly.FromDateTime(context.RecordedAt.UtcDateTime);
        var revisions = new List<DesignationRevision>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        var fingerprints = new Dictionary<string, DesignationFingerprint>(StringComparer.Ordinal);
        foreach (var entry in document.Entries)
        {
            var designation = entry.Designation;
            if (!seen.Add(designation.SourceId))
            {
                throw new ListFormatException($"designation {designation.SourceId}", $"the source id '{designation.SourceId}' occurs more than once");
            }

            var fingerprint = DesignationFingerprint.Compute(designation);
            fingerprints[designation.SourceId] = fingerprint;
            var known = RevisionsOf(designation.SourceId);
            var added = 0;
            foreach (var stated in entry.Revisions)
            {
                if (known.Any(r => r.Kind == stated.Kind && r.EffectiveDate == stated.EffectiveDate))
                {
                    continue;
                }

                revisions.Add(new DesignationRevision
                {
                    SourceId = designation.SourceId,
                    Kind = stated.Kind,
                    EffectiveDate = stated.EffectiveDate,
                    EffectivePrecision = stated.EffectivePrecision,
                    RecordedAt = context.RecordedAt,
                    LegalBasis = stated.LegalBasis ?? designation.LegalBasis,
                    Reason = stated.Reason,
                    SourceReference = stated.SourceReference ?? context.SourceReference,
                    ListVersion = number,
                    Content = stated.Kind == RevisionKind.Delisted ? null : designation,
                    Fingerprint = stated.Kind == RevisionKind.Delisted ? null : fingerprint.Value,
                });
                added++;
            }

            _current.TryGetValue(designation.SourceId, out var current);
            if (added == 0 && entry.Revisions.Count == 0 && current is null)
            {
                revisions.Add(new DesignationRevision
                {
                    SourceId = designation.SourceId,
                    Kind = RevisionKind.Listed,
                    EffectiveDate = designation.ListedOn ?? effective,
                    RecordedAt = context.RecordedAt,
                    LegalBasis = designation.LegalBasis ?? context.LegalBasis,
                    SourceReference = context.SourceReference,
                    ListVersion = number,
                    Content = designation,
                    Fingerprint = fingerprint.Value,
                });
                added++;
            }

            if (added == 0 && current is not null && !string.Equals(current.Fingerprint.Value, fingerprint.Value, StringComparison.Ordinal))
            {
                revisions.Add(new DesignationRevision
                {
                    SourceId = designation.SourceId,
                    Kind = RevisionKind.Amended,
                    EffectiveDate = effective,
                    RecordedAt = context.RecordedAt,
                    LegalBasis = designation.LegalBasis ?? context.LegalBasis,
                    Reason = context.Reason,
                    SourceReference = context.SourceReference,
                    ListVersion = number,
                    Content = designation,
                    Fingerprint = fingerprint.Value,
                    ChangedFields = current.Fingerprint.ChangedFields(fingerprint),
                });
                added++;
            }

            if (added == 0)
            {
                unchanged++;
            }
        }

        foreach (var (sourceId, entry) in _current)
        {
            if (entry.InForce && !seen.Contains(sourceId))
            {
                revisions.Add(new DesignationRevision
                {
                    SourceId = sourceId,
                    Kind = RevisionKind.Delisted,
                    EffectiveDate = context.DelistingEffectiveDate ?? effective,
                    RecordedAt = context.RecordedAt,
                    Reason = "no longer in the national list document",
                    SourceReference = context.SourceReference,
                    ListVersion = number,
                });
            }
        }

        var delta = new ListDelta
        {
            Listed = revisions.Where(r => r.Kind == RevisionKind.Listed).Select(AsChange).ToList(),
            Amended = revisions.Where(r => r.Kind == RevisionKind.Amended).Select(AsChange).ToList(),
            Relisted = revisions.Where(r => r.Kind == RevisionKind.Relisted).Select(AsChange).ToList(),
            Delisted = revisions.Where(r => r.Kind == RevisionKind.Delisted).Select(r => r.SourceId).ToList(),
            UnchangedCount = unchanged,
        };
        if (revisions.Count == 0)
        {
            return new ImportOutcome(this, null, delta, ValueArray<DesignationRevision>.Empty);
        }

        var version = new ListVersion
        {
            Number = number,
            RecordedAt = context.RecordedAt,
            PublicationDate = document.Metadata.PublicationDate,
            SourceReference = context.SourceReference,
            FormatName = document.Metadata.FormatName,
            Listed = delta.Listed.Count,
            Amended = delta.Amended.Count,
            Delisted = delta.Delisted.Count,
            Relisted = delta.Relisted.Count,
            Unchanged = unchanged,
        };
        return new ImportOutcome(Apply(version, revisions, fingerprints), version, delta, revisions);

        DesignationChange AsChange(DesignationRevision r) => new(r.Content!, fingerprints[r.SourceId], r.ChangedFields);
    }

    private ListHistory Apply(ListVersion version, List<DesignationRevision> revisions, Dictionary<string, DesignationFingerprint> fingerprints)
    {
        var byDesignation = _revisions.ToBuilder();
        var current = _current.ToBuilder();
        foreach (var revision in revisions)
        {
            byDesignation[revision.SourceId] = byDesignation.TryGetValue(revision.SourceId, out var list) ? list.Add(revision) : [revision];
        }

        // The current state of a touched designation: in force or not after its latest-effective revision,
        // with the fingerprint of its latest recorded content.
        foreach (var sourceId in revisions.Select(r => r.SourceId).Distinct(StringComparer.Ordinal))
        {
            var all = byDesignation[sourceId];
            var decisive = all.Aggregate((a, b) => DesignationTimeline.Compare(b, a) >= 0 ? b : a);
            if (fingerprints.TryGetValue(sourceId, out var fingerprint))
            {
                current[sourceId] = new SnapshotEntry(sourceId, fingerprint, decisive.InForce);
            }
            else if (current.TryGetValue(sourceId, out var existing))
            {
                current[sourceId] = existing with { InForce = decisive.InForce };
            }
        }

        return new ListHistory(ListId, Versions.Add(version), byDesignation.ToImmutable(), current.ToImmutable());
    }
}
