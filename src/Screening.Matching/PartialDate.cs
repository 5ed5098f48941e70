namespace Screening.Matching;

/// <summary>A date of which only the year, or the year and month, may be known.</summary>
/// <param name="Year">Year (e.g. 1971).</param>
/// <param name="Month">Month 1..12 when known.</param>
/// <param name="Day">Day 1..31 when known (only meaningful with a month).</param>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    /// <summary>ISO-like text: 1971, 1971-05 or 1971-05-03.</summary>
    public override string ToString() =>
        Month is null ? Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
        : Day is null ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");
}
