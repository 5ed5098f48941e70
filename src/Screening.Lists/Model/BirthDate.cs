namespace Screening.Lists.Model;

/// <summary>A date of birth as the source gives it.</summary>
/// <param name="Kind">Precision of the date.</param>
/// <param name="Value">The date (for <see cref="BirthDateKind.Between"/>, the start).</param>
/// <param name="To">The end, for <see cref="BirthDateKind.Between"/> only.</param>
public sealed record BirthDate(BirthDateKind Kind, PartialDate Value, PartialDate? To = null)
{
    /// <summary>Builds an exact, year-month or year-only date from a partial date.</summary>
    public static BirthDate Of(PartialDate date) =>
        new(date.Day is not null ? BirthDateKind.Exact : date.Month is not null ? BirthDateKind.YearMonth : BirthDateKind.Year, date);

    public override string ToString() => Kind switch
    {
        BirthDateKind.Between => $"{Value}..{To}",
        BirthDateKind.Approximate => "~" + Value,
        _ => Value.ToString(),
    };
}
