using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>
/// One validated customer of a tenant's monitored book. Birth dates are yyyymmdd integers with 00 for an unknown
/// month or day; identifiers are "kind&lt;US&gt;value" (U+001F between kind and value); kind is the matching
/// engine's <c>SubjectKind</c> as a number.
/// </summary>
[GenerateSerializer, Immutable, Alias("screening.MonitoredCustomer")]
public sealed record MonitoredCustomer(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] int Kind,
    [property: Id(2)] ImmutableArray<string> Names,
    [property: Id(3)] ImmutableArray<int> BirthDates,
    [property: Id(4)] ImmutableArray<string> Countries,
    [property: Id(5)] ImmutableArray<string> Identifiers)
{
    /// <summary>Separator between an identifier's kind and value.</summary>
    public const char IdentifierSeparator = '\u001f';
}
