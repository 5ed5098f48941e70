namespace Screening.Lists.Model;

/// <summary>An address of a designated subject.</summary>
public sealed record Address
{
    public string? Street { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public string? Note { get; init; }
}
