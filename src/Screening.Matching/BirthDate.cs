using System.Globalization;

namespace Screening.Matching;

/// <summary>A birth date: either a (partial) date, or a range of years ("between 1960 and 1962").</summary>
public sealed record BirthDate
{
    private BirthDate(PartialDate? date, int fromYear, int toYear)
    {
        Date = date;
        FromYear = fromYear;
        ToYear = toYear;
    }

    /// <summary>The exact (possibly partial) date, or null for a year range.</summary>
    public PartialDate? Date { get; }

    /// <summary>First possible year (equals <see cref="PartialDate.Year"/> for a date).</summary>
    public int FromYear { get; }

    /// <summary>Last possible year (equals <see cref="PartialDate.Year"/> for a date).</summary>
    public int ToYear { get; }

    /// <summary>A birth date known to the year, month or day.</summary>
    public static BirthDate On(int year, int? month = null, int? day = null) =>
        new(new PartialDate(year, month, month is null ? null : day), year, year);

    /// <summary>A birth year somewhere in [fromYear, toYear] (arguments may come in either order).</summary>
    public static BirthDate Between(int fromYear, int toYear) =>
        new(null, Math.Min(fromYear, toYear), Math.Max(fromYear, toYear));

    /// <summary>Readable form: 1971-05-03, 1971 or 1960..1962.</summary>
    public override string ToString() =>
        Date is { } d ? d.ToString() : string.Create(CultureInfo.InvariantCulture, $"{FromYear}..{ToYear}");
}
