namespace Screening.Lists.History;

/// <summary>What a revision did to a designation.</summary>
public enum RevisionKind
{
    Listed = 0,
    Amended,
    Delisted,
    Relisted,
}
