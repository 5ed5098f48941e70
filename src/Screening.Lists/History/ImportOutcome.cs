using Screening.Lists.Diff;
using Screening.Lists.Model;

namespace Screening.Lists.History;

/// <summary>The result of an import: the new history and version, or "no change" (the history returned is the same instance).</summary>
public sealed record ImportOutcome(ListHistory History, ListVersion? Version, ListDelta Delta, ValueArray<DesignationRevision> Revisions)
{
    /// <summary>Whether the import created a new list version.</summary>
    public bool Changed => Version is not null;

    /// <summary>A one-line account of what happened.</summary>
    public string Summary => Version is null
        ? $"no change: the content is identical to version {History.CurrentVersion} ({Delta.UnchangedCount} designations unchanged); no version created"
        : $"version {Version.Number}: {Delta}";
}
