using System.Globalization;
using Screening.Contracts.V1;

namespace Screening.LoadTests.Data;

/// <summary>
/// A realistic mix of subjects, prepared before the run so that generating it costs nothing during it: a share
/// (default 2%) are names of listed designations, the rest clean names; 70% Latin, 20% Cyrillic, 10% Arabic script;
/// about half carry a birth date (the right one for listed individuals); some name the subject type, some swap the
/// name order, some carry a country.
/// </summary>
public static class SubjectMix
{
    public static PlannedRequest[] Create(int count, double hitRatio, IReadOnlyList<GeneratedList> lists, IReadOnlySet<string> subscribedJurisdictions, int seed)
    {
        var random = new Random(seed);
        var result = new PlannedRequest[count];
        for (var i = 0; i < count; i++)
        {
            var reference = "lt-" + i.ToString(CultureInfo.InvariantCulture);
            result[i] = random.NextDouble() < hitRatio && lists.Count > 0
                ? Planted(random, lists[random.Next(lists.Count)], subscribedJurisdictions, reference)
                : Clean(random, reference);
        }

        return result;
    }

    /// <summary>A request for a listed designation's name, in one of its scripts.</summary>
    public static PlannedRequest Planted(Random random, GeneratedList list, IReadOnlySet<string> subscribedJurisdictions, string reference)
    {
        var d = list.Designations[random.Next(list.Designations.Count)];
        var script = random.Next(10);
        var name = script switch
        {
            < 7 => random.Next(10) < 3 ? Reversed(d.Latin) : d.Latin,
            < 9 => d.Cyrillic,
            _ => d.Arabic ?? d.Latin,
        };
        var subject = new Subject { Names = { name }, Type = random.Next(2) == 0 ? d.Type : SubjectType.Unspecified };
        if (d.BirthDate is { } birth && random.Next(2) == 0)
        {
            subject.BirthDates.Add(birth);
        }

        var request = new ScreenRequest { Subject = subject, ClientReference = reference };
        return new PlannedRequest(request, new Expectation(list.DesignationId(d), subscribedJurisdictions.Contains(list.Jurisdiction)));
    }

    /// <summary>A request for a name that no generated list holds.</summary>
    public static PlannedRequest Clean(Random random, string reference)
    {
        var latin = SyntheticNames.Name(random, listed: false, tokens: random.Next(2, 4));
        var script = random.Next(10);
        var name = script switch
        {
            < 7 => latin,
            < 9 => SyntheticNames.ToCyrillic(latin),
            _ => SyntheticNames.ToArabic(latin),
        };
        var subject = new Subject { Names = { name }, Type = (SubjectType)random.Next(0, 3) };
        if (random.Next(2) == 0)
        {
            subject.BirthDates.Add(new PartialDate { Year = random.Next(1940, 2005), Month = random.Next(0, 13), Day = 0 });
        }

        if (random.Next(5) == 0)
        {
            subject.Countries.Add(random.Next(2) == 0 ? "KZ" : "DE");
        }

        return new PlannedRequest(new ScreenRequest { Subject = subject, ClientReference = reference }, new Expectation(null, false));
    }

    private static string Reversed(string name)
    {
        var tokens = name.Split(' ');
        Array.Reverse(tokens);
        return string.Join(' ', tokens);
    }
}
