using System.Globalization;

namespace Screening.Matching.Scoring;

/// <summary>
/// Compares secondary attributes after the name: birth date (exact day +0.04, month +0.03, year or within range
/// +0.02; one year apart −0.02; same year but other month/day −0.05; further apart −0.15), countries (shared +0.02,
/// disjoint −0.04), subject kind (individual versus other −0.25; entity versus vessel/aircraft −0.10) and
/// identifiers (an exact value match with a compatible kind is decisive: score 1).
/// </summary>
internal static class AttributeScorer
{
    /// <summary>Most a birth date can add (the same day).</summary>
    public const double SameBirthDay = 0.04;

    /// <summary>What a shared country adds.</summary>
    public const double SharedCountry = 0.02;

    /// <summary>
    /// Most the attributes of <paramref name="query"/> can add to any name score (identifier matches aside, which are
    /// decisive and found by identifier): a name scoring below the threshold by more than this cannot become a hit.
    /// </summary>
    public static double MostAdded(ScreeningQuery query) =>
        (query.BirthDates.Count > 0 ? SameBirthDay : 0.0) + (query.Countries.Count > 0 ? SharedCountry : 0.0);

    /// <summary>Returns the total effect; <paramref name="decisive"/> is set on an identifier match. Findings are added when a list is given.</summary>
    public static double Evaluate(ScreeningQuery query, DesignationEntry entry, List<AttributeFinding>? findings, out bool decisive)
    {
        decisive = false;
        var effect = 0.0;
        if (query.Identifiers.Count > 0 && entry.Identifiers.Count > 0)
        {
            foreach (var q in query.Identifiers)
            {
                var value = IdentifierText.Canonical(q.Value);
                if (value.Length < 4)
                {
                    continue;
                }

                foreach (var e in entry.Identifiers)
                {
                    if (IdentifierText.Canonical(e.Value) == value && IdentifierText.KindsCompatible(q.Kind, e.Kind))
                    {
                        decisive = true;
                        findings?.Add(new AttributeFinding(MatchAttribute.Identifier, AttributeOutcome.Agrees, 1.0, $"{e.Kind} {e.Value}"));
                        goto identifiersDone;
                    }
                }
            }
        }

    identifiersDone:
        effect += BirthDates(query.BirthDates, entry.BirthDates, findings);
        effect += Countries(query.Countries, entry.Countries, findings);
        effect += Kinds(query.Kind, entry.Kind, findings);
        return effect;
    }

    private static double BirthDates(IReadOnlyList<BirthDate> query, IReadOnlyList<BirthDate> listed, List<AttributeFinding>? findings)
    {
        if (query.Count == 0 || listed.Count == 0)
        {
            return 0.0;
        }

        var best = double.NegativeInfinity;
        BirthDate? bestQuery = null;
        BirthDate? bestListed = null;
        foreach (var q in query)
        {
            foreach (var e in listed)
            {
                var value = Compare(q, e);
                if (value > best)
                {
                    best = value;
                    bestQuery = q;
                    bestListed = e;
                }
            }
        }

        findings?.Add(new AttributeFinding(
            MatchAttribute.BirthDate,
            best >= 0 ? AttributeOutcome.Agrees : AttributeOutcome.Conflicts,
            best,
            string.Create(CultureInfo.InvariantCulture, $"query {bestQuery}, listed {bestListed}")));
        return best;
    }

    private static double Compare(BirthDate q, BirthDate e)
    {
        if (q.Date is { } qd && e.Date is { } ed)
        {
            if (qd.Year != ed.Year)
            {
                return Math.Abs(qd.Year - ed.Year) == 1 ? -0.02 : -0.15;
            }

            if (qd.Month is { } qm && ed.Month is { } em)
            {
                if (qm != em)
                {
                    return -0.05;
                }

                if (qd.Day is { } qday && ed.Day is { } eday)
                {
                    return qday == eday ? SameBirthDay : -0.05;
                }

                return 0.03;
            }

            return 0.02;
        }

        if (q.FromYear <= e.ToYear && e.FromYear <= q.ToYear)
        {
            return 0.02;
        }

        var gap = Math.Min(Math.Abs(q.FromYear - e.ToYear), Math.Abs(e.FromYear - q.ToYear));
        return gap == 1 ? -0.02 : -0.15;
    }

    private static double Countries(IReadOnlyList<string> query, IReadOnlyList<string> listed, List<AttributeFinding>? findings)
    {
        if (query.Count == 0 || listed.Count == 0)
        {
            return 0.0;
        }

        foreach (var q in query)
        {
            foreach (var e in listed)
            {
                if (string.Equals(q.Trim(), e.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    findings?.Add(new AttributeFinding(MatchAttribute.Country, AttributeOutcome.Agrees, SharedCountry, $"both {e.Trim().ToUpperInvariant()}"));
                    return SharedCountry;
                }
            }
        }

        findings?.Add(new AttributeFinding(
            MatchAttribute.Country,
            AttributeOutcome.Conflicts,
            -0.04,
            $"query {string.Join('/', query)}, listed {string.Join('/', listed)}"));
        return -0.04;
    }

    private static double Kinds(SubjectKind query, SubjectKind listed, List<AttributeFinding>? findings)
    {
        if (query == SubjectKind.Unknown || listed == SubjectKind.Unknown || query == listed)
        {
            return 0.0;
        }

        var effect = query == SubjectKind.Individual || listed == SubjectKind.Individual ? -0.25 : -0.10;
        findings?.Add(new AttributeFinding(
            MatchAttribute.SubjectKind,
            AttributeOutcome.Conflicts,
            effect,
            $"query {query.ToString().ToLowerInvariant()}, listed {listed.ToString().ToLowerInvariant()}"));
        return effect;
    }
}
