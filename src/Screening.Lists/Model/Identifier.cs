namespace Screening.Lists.Model;

/// <summary>A document or number that identifies a subject (passport, national id, registration, IMO, crypto address ...).</summary>
public sealed record Identifier
{
    public required IdentifierType Type { get; init; }

    public required string Value { get; init; }

    /// <summary>The source's own label for the identifier type (e.g. "Digital Currency Address - XBT").</summary>
    public string? Label { get; init; }

    /// <summary>Issuing country when known.</summary>
    public string? Country { get; init; }

    /// <summary>Issue date, expiry and other notes.</summary>
    public string? Note { get; init; }
}
