using Screening.Lists.Model;

namespace Screening.Lists.Diff;

/// <summary>The difference between the current version of a list and an incoming parsed list.</summary>
public sealed record ListDelta
{
    /// <summary>Designations never seen before.</summary>
    public ValueArray<DesignationChange> Listed { get; init; }

    /// <summary>Designations in force whose content changed.</summary>
    public ValueArray<DesignationChange> Amended { get; init; }

    /// <summary>Source ids in force now that the incoming list no longer has, sorted ordinally.</summary>
    public ValueArray<string> Delisted { get; init; }

    /// <summary>Designations delisted earlier that the incoming list has again.</summary>
    public ValueArray<DesignationChange> Relisted { get; init; }

    public int UnchangedCount { get; init; }

    public bool HasChanges => Listed.Count + Amended.Count + Delisted.Count + Relisted.Count > 0;

    public override string ToString() =>
        $"listed {Listed.Count}, amended {Amended.Count}, delisted {Delisted.Count}, relisted {Relisted.Count}, unchanged {UnchangedCount}";
}
