namespace Screening.Lists.History;

/// <summary>How precisely a revision's effective date is known.</summary>
public enum DatePrecision
{
    /// <summary>The exact day.</summary>
    Day = 0,

    /// <summary>Only the month is known; the date is the first day of that month.</summary>
    Month,

    /// <summary>Only the year is known; the date is 1 January of that year.</summary>
    Year,

    /// <summary>The date is not known; the revision is treated as effective since <see cref="DateOnly.MinValue"/>.</summary>
    Unknown,
}
