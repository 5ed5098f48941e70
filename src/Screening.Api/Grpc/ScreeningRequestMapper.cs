using System.Globalization;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Screening;
using Screening.Matching;
using MatchBirthDate = Screening.Matching.BirthDate;

namespace Screening.Api.Grpc;

/// <summary>Validates a <see cref="ScreenRequest"/> (INVALID_ARGUMENT naming the field and the rule) and maps it to the engine's input.</summary>
public static class ScreeningRequestMapper
{
    /// <summary>Most names per subject.</summary>
    public const int MaxNames = 32;

    /// <summary>Longest name accepted, in characters.</summary>
    public const int MaxNameLength = 1024;

    /// <summary>Earliest as-of date accepted.</summary>
    public static readonly DateOnly EarliestAsOf = new(1945, 1, 1);

    /// <summary>How far ahead of today an as-of date may lie (a planned listing may take effect on a known future date).</summary>
    public const int MaxAsOfDaysAhead = 366;

    /// <summary>Longest client reference accepted.</summary>
    public const int MaxClientReferenceLength = 200;

    /// <summary>The engine input for a request; <paramref name="today"/> is the default as-of date.</summary>
    public static ScreeningInput ToInput(ScreenRequest request, DateOnly today, string prefix = "")
    {
        var subject = request.Subject ?? throw PlatformException.Invalid(prefix + "subject", "is required");
        if (subject.Names.Count == 0 || subject.Names.All(string.IsNullOrWhiteSpace))
        {
            throw PlatformException.Invalid(prefix + "subject.names", "at least one non-empty name is required");
        }

        if (subject.Names.Count > MaxNames)
        {
            throw PlatformException.Invalid(prefix + "subject.names", $"at most {MaxNames} names");
        }

        for (var i = 0; i < subject.Names.Count; i++)
        {
            if (subject.Names[i].Length > MaxNameLength)
            {
                throw PlatformException.Invalid($"{prefix}subject.names[{i}]", $"at most {MaxNameLength} characters");
            }
        }

        var birthDates = new List<MatchBirthDate>();
        for (var i = 0; i < subject.BirthDates.Count; i++)
        {
            var d = subject.BirthDates[i];
            var field = $"{prefix}subject.birth_dates[{i}]";
            if (d.Year < 1800 || d.Year > today.Year || d.Month is < 0 or > 12 || d.Day is < 0 or > 31 || (d.Day > 0 && d.Month == 0)
                || (d.Day > 0 && d.Day > DateTime.DaysInMonth(d.Year, d.Month)))
            {
                throw PlatformException.Invalid(field, "must be a real past date: year 1800..this year, month 0..12 (0 = unknown), day 0..31 (0 = unknown)");
            }

            birthDates.Add(MatchBirthDate.On(d.Year, d.Month == 0 ? null : d.Month, d.Day == 0 ? null : d.Day));
        }

        var countries = new List<string>();
        for (var i = 0; i < subject.Countries.Count; i++)
        {
            var c = subject.Countries[i].Trim().ToUpperInvariant();
            if (c.Length != 2 || !char.IsAsciiLetterUpper(c[0]) || !char.IsAsciiLetterUpper(c[1]))
            {
                throw PlatformException.Invalid($"{prefix}subject.countries[{i}]", "must be an ISO 3166 alpha-2 code such as KZ");
            }

            countries.Add(c);
        }

        var identifiers = new List<SubjectIdentifier>();
        for (var i = 0; i < subject.Identifiers.Count; i++)
        {
            var id = subject.Identifiers[i];
            if (string.IsNullOrWhiteSpace(id.Kind) || string.IsNullOrWhiteSpace(id.Value) || id.Value.Length > 200)
            {
                throw PlatformException.Invalid($"{prefix}subject.identifiers[{i}]", "kind and value (at most 200 characters) are required");
            }

            identifiers.Add(new SubjectIdentifier(id.Kind.Trim(), id.Value.Trim()));
        }

        if (request.ClientReference.Length > MaxClientReferenceLength)
        {
            throw PlatformException.Invalid(prefix + "client_reference", $"at most {MaxClientReferenceLength} characters");
        }

        var asOf = today;
        if (!string.IsNullOrEmpty(request.AsOf)
            && !DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw PlatformException.Invalid(prefix + "as_of", "must be a date YYYY-MM-DD");
        }

        if (asOf < EarliestAsOf || asOf > today.AddDays(MaxAsOfDaysAhead))
        {
            throw PlatformException.Invalid(prefix + "as_of", $"must be between {EarliestAsOf:yyyy-MM-dd} and {MaxAsOfDaysAhead} days from today");
        }

        if (!Enum.IsDefined(subject.Type))
        {
            throw PlatformException.Invalid(prefix + "subject.type", $"unknown value {(int)subject.Type}; use INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT or UNKNOWN");
        }

        if (double.IsNaN(request.MinScore) || request.MinScore < 0 || request.MinScore > 1)
        {
            throw PlatformException.Invalid(prefix + "min_score", "must be between 0 and 1");
        }

        var query = new ScreeningQuery([.. subject.Names.Where(n => !string.IsNullOrWhiteSpace(n))])
        {
            Kind = subject.Type switch
            {
                SubjectType.Individual => SubjectKind.Individual,
                SubjectType.Entity => SubjectKind.Entity,
                SubjectType.Vessel => SubjectKind.Vessel,
                SubjectType.Aircraft => SubjectKind.Aircraft,
                _ => SubjectKind.Unknown,
            },
            BirthDates = birthDates,
            Countries = countries,
            Identifiers = identifiers,
        };
        return new ScreeningInput(query, request.ClientReference, asOf, request.MinScore);
    }
}
