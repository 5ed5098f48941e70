namespace Screening.Lists.Model;

/// <summary>How precise a date of birth is.</summary>
public enum BirthDateKind
{
    /// <summary>A full, exact date.</summary>
    Exact = 0,

    /// <summary>Year and month known.</summary>
    YearMonth,

    /// <summary>Only the year is known.</summary>
    Year,

    /// <summary>About this date or year ("circa", UN APPROXIMATELY).</summary>
    Approximate,

    /// <summary>Between two dates or years (UN BETWEEN, "1960 to 1962").</summary>
    Between,
}
