using Screening.Grains.Abstractions.Monitoring;
using Screening.Matching;

namespace Screening.Grains.Monitoring;

/// <summary>Maps monitored customers onto the matching engine, in both directions of monitoring.</summary>
public static class CustomerEntries
{
    /// <summary>The reverse index's entry of a customer, keyed by customer id.</summary>
    public static DesignationEntry ToEntry(MonitoredCustomer c) =>
        new(c.CustomerId, (SubjectKind)c.Kind, [.. c.Names.Select(n => new SubjectName(n))])
        {
            BirthDates = [.. c.BirthDates.Select(ToBirthDate)],
            Countries = c.Countries,
            Identifiers = [.. c.Identifiers.Select(ToIdentifier)],
        };

    /// <summary>The query that screens a customer forward, against the lists.</summary>
    public static ScreeningQuery ToQuery(MonitoredCustomer c) =>
        new(c.Names)
        {
            Kind = (SubjectKind)c.Kind,
            BirthDates = [.. c.BirthDates.Select(ToBirthDate)],
            Countries = c.Countries,
            Identifiers = [.. c.Identifiers.Select(ToIdentifier)],
        };

    /// <summary>The query that screens a designation against the reverse index of customers.</summary>
    public static ScreeningQuery ToQuery(DesignationEntry designation) =>
        new([.. designation.Names.Select(n => n.Text)])
        {
            Kind = designation.Kind,
            BirthDates = designation.BirthDates,
            Countries = designation.Countries,
            Identifiers = designation.Identifiers,
        };

    /// <summary>yyyymmdd with 00 for an unknown month or day.</summary>
    public static int EncodeBirthDate(int year, int month, int day) => (year * 10_000) + (month * 100) + day;

    private static BirthDate ToBirthDate(int encoded)
    {
        var month = encoded / 100 % 100;
        var day = encoded % 100;
        return BirthDate.On(encoded / 10_000, month == 0 ? null : month, day == 0 ? null : day);
    }

    private static SubjectIdentifier ToIdentifier(string encoded)
    {
        var split = encoded.IndexOf(MonitoredCustomer.IdentifierSeparator, StringComparison.Ordinal);
        return split < 0 ? new SubjectIdentifier(string.Empty, encoded) : new SubjectIdentifier(encoded[..split], encoded[(split + 1)..]);
    }
}
