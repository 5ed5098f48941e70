using System.Globalization;

namespace Screening.Lists.Model;

/// <summary>A calendar date of which the month and day may be unknown. Written <c>1971</c>, <c>1971-05</c> or <c>1971-05-02</c>.</summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    /// <summary>Creates a full date.</summary>
    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>; returns null when the text is not such a date.</summary>
    public static PartialDate? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new PartialDate(year);
        }

        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ym))
        {
            return new PartialDate(ym.Year, ym.Month);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return FromDate(full);
        }

        return null;
    }

    public int CompareTo(PartialDate? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = (Month ?? 0).CompareTo(other.Month ?? 0);
        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    public override string ToString() =>
        Month is null ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day is null ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");
}
