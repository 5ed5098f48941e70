using System.Globalization;
using Screening.Contracts.V1;

namespace Screening.Cli.Screening;

/// <summary>
/// Parses and checks the parts of a subject the way the server does (ScreeningRequestMapper), so a bad row is
/// rejected by the client with its row number instead of failing a whole stream.
/// </summary>
internal static class SubjectFields
{
    public const int MaxNames = 32;
    public const int MaxNameLength = 1024;
    public const int MaxReferenceLength = 200;

    public static readonly string[] TypeNames = ["individual", "entity", "vessel", "aircraft", "unknown"];

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD, year 1800..2200, a real date.</summary>
    public static bool TryParseDate(string text, out PartialDate date, out string error)
    {
        date = new PartialDate();
        error = string.Empty;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4
            || parts.Skip(1).Any(p => p.Length != 2))
        {
            error = $"date of birth '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        if (year is < 1800 or > 2200 || (parts.Length > 1 && month is < 1 or > 12) || (parts.Length > 2 && (day < 1 || day > DateTime.DaysInMonth(year, month))))
        {
            error = $"date of birth '{text}' is not a real date (year 1800..2200)";
            return false;
        }

        date = new PartialDate { Year = year, Month = month, Day = day };
        return true;
    }

    public static bool TryParseCountry(string text, out string country, out string error)
    {
        country = text.Trim().ToUpperInvariant();
        error = string.Empty;
        if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            error = $"country '{text}' is not an ISO 3166 alpha-2 code such as KZ";
            return false;
        }

        return true;
    }

    public static bool TryParseType(string text, out SubjectType type, out string error)
    {
        error = string.Empty;
        type = text.Trim().ToLowerInvariant() switch
        {
            "" => SubjectType.Unspecified,
            "individual" or "person" or "i" => SubjectType.Individual,
            "entity" or "organisation" or "organization" or "e" => SubjectType.Entity,
            "vessel" or "ship" => SubjectType.Vessel,
            "aircraft" => SubjectType.Aircraft,
            "unknown" => SubjectType.Unknown,
            _ => (SubjectType)(-1),
        };
        if ((int)type < 0)
        {
            error = $"type '{text}' is not one of {string.Join(", ", TypeNames)}";
            type = SubjectType.Unspecified;
            return false;
        }

        return true;
    }

    public static bool TryCheckNames(IReadOnlyList<string> names, out string error)
    {
        error = string.Empty;
        if (names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
        {
            error = "name is empty";
            return false;
        }

        if (names.Count > MaxNames)
        {
            error = $"more than {MaxNames} names";
            return false;
        }

        if (names.FirstOrDefault(n => n.Length > MaxNameLength) is { } tooLong)
        {
            error = $"a name is longer than {MaxNameLength} characters ({tooLong.Length})";
            return false;
        }

        return true;
    }

    /// <summary>The readable form of a type, e.g. "individual".</summary>
    public static string Name(SubjectType type) => type switch
    {
        SubjectType.Individual => "individual",
        SubjectType.Entity => "entity",
        SubjectType.Vessel => "vessel",
        SubjectType.Aircraft => "aircraft",
        SubjectType.Unknown => "unknown",
        _ => "any",
    };

    public static string Name(Decision decision) => decision switch
    {
        Decision.PotentialMatch => "POTENTIAL_MATCH",
        Decision.Clear => "CLEAR",
        _ => "UNSPECIFIED",
    };

    public static string Versions(IEnumerable<ListVersion> versions) =>
        string.Join(' ', versions.Select(v => v.ListId + "@" + v.Version.ToString(CultureInfo.InvariantCulture)));
}
