using System.Globalization;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Reads the structured facts OFAC writes into the free-text Remarks of its CSV files: "DOB 28 Jul 1963;
/// POB Toledo District, Belize; Passport P0017003 (Belize); a.k.a. 'BURTON BURGESS'." Unrecognised segments
/// stay in the remarks text only; nothing here is an error, since Remarks is free text.
/// </summary>
internal static class OfacRemarks
{
    private static readonly string[] DateFormats = ["dd MMM yyyy", "d MMM yyyy", "MMM yyyy", "yyyy"];

    // Labels OFAC uses before an identifier value, longest first where one is a prefix of another.
    private static readonly string[] IdentifierLabels =
    [
        "Digital Currency Address - ",
        "Vessel Registration Identification",
        "Aircraft Manufacturer's Serial Number (MSN)",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        "Aircraft Tail Number",
        "Passport",
        "National ID No.",
        "Tax ID No.",
        "Registration ID",
        "Registration Number",
        "Business Registration Document #",
        "Business Registration Number",
        "Business Number",
        "Identification Number",
        "Personal ID Card",
        "Cedula No.",
        "Citizen's Card Number",
        "C.U.R.P.",
        "R.F.C.",
        "NIT #",
        "RUC #",
        "D.N.I.",
        "SSN",
        "Driver's License No.",
        "Unified Social Credit Code (USCC)",
        "Company Number",
        "Commercial Registry Number",
        "Chamber of Commerce Number",
        "Trade License No.",
        "Public Registration Number",
        "Government Gazette Number",
        "Legal Entity Number",
        "SWIFT/BIC",
        "Email Address",
        "Website",
        "Phone Number",
        "Telephone",
        "Telephone No.",
        "Fax",
        "Fax No.",
        "IMO",
        "MMSI",
        "Moroccan Personal ID No.",
        "Kenyan ID No.",
        "UAE Identification",
        "Italian Fiscal Code",
        "Bosnian Personal ID No.",
        "Stateless Person ID Card",
        "Refugee ID Card",
        "Travel Document Number",
        "Electoral Registry No.",
        "Residency Number",
        "Birth Certificate Number",
        "Serial No.",
        "US FEIN",
    ];

    public static OfacRemarkFacts Read(string? remarks)
    {
        var facts = new OfacRemarkFacts();
        if (string.IsNullOrWhiteSpace(remarks))
        {
            return facts;
        }

        foreach (var raw in remarks.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.TrimEnd('.');
            if (segment.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase))
            {
                segment = segment[5..].TrimStart();
            }

            if (TryAfter(segment, "DOB ", out var dob))
            {
                if (ParseBirthDate(dob) is { } birthDate && !facts.DatesOfBirth.Contains(birthDate))
                {
                    facts.DatesOfBirth.Add(birthDate);
                }
            }
            else if (TryAfter(segment, "POB ", out var pob))
            {
                facts.PlacesOfBirth.Add(new PlaceOfBirth(Text: pob));
            }
            else if (TryAfter(segment, "nationality ", out var nationality))
            {
                facts.Nationalities.Add(nationality);
            }
            else if (TryAfter(segment, "citizen ", out var citizen))
            {
                facts.Countries.Add(citizen);
            }
            else if (TryAfter(segment, "Gender ", out var gender))
            {
                facts.Gender = gender;
            }
            else if (TryQuoted(segment, "a.k.a. ", out var weak) || TryQuoted(segment, "f.k.a. ", out weak) || TryQuoted(segment, "n.k.a. ", out weak))
            {
                facts.WeakAliases.Add(DesignationName.Create(weak, NameQuality.WeakAlias));
            }
            else if (TryAfter(segment, "Title ", out var title))
            {
                facts.Titles.Add(title);
            }
            else if (ParseIdentifier(segment) is { } identifier)
            {
                facts.Identifiers.Add(identifier);
            }
        }

        return facts;
    }

    /// <summary>Parses "28 Jul 1963", "Jul 1963", "1963", "circa 1963", "1960 to 1962"; null when it is none of these.</summary>
    public static BirthDate? ParseBirthDate(string text)
    {
        text = text.Trim();
        var approximate = false;
        if (TryAfter(text, "circa ", out var rest))
        {
            approximate = true;
            text = rest;
        }

        var to = text.IndexOf(" to ", StringComparison.Ordinal);
        if (to > 0 && ParsePartial(text[..to]) is { } from && ParsePartial(text[(to + 4)..]) is { } until)
        {
            return new BirthDate(BirthDateKind.Between, from, until);
        }

        var value = ParsePartial(text);
        if (value is null)
        {
            return null;
        }

        return approximate ? new BirthDate(BirthDateKind.Approximate, value) : BirthDate.Of(value);
    }

    /// <summary>Parses "28 Jul 1963", "Jul 1963" or "1963" (also ISO forms).</summary>
    public static PartialDate? ParsePartial(string text)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return text.Length switch
            {
                4 => new PartialDate(date.Year),
                8 => new PartialDate(date.Year, date.Month),
                _ => PartialDate.FromDate(DateOnly.FromDateTime(date)),
            };
        }

        return PartialDate.TryParse(text);
    }

    private static Identifier? ParseIdentifier(string segment)
    {
        foreach (var label in IdentifierLabels)
        {
            if (!segment.StartsWith(label, StringComparison.OrdinalIgnoreCase) || segment.Length <= label.Length)
            {
                continue;
            }

            var fullLabel = label;
            var value = segment[label.Length..].Trim();
            if (label.EndsWith("- ", StringComparison.Ordinal))
            {
                // "Digital Currency Address - XBT 1A2b...": the currency code belongs to the label.
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0)
                {
                    continue;
                }

                fullLabel = label + value[..space];
                value = value[(space + 1)..].Trim();
            }
            else if (!char.IsWhiteSpace(segment[label.Length]) && !label.EndsWith('#') && !label.EndsWith('.'))
            {
                continue;
            }

            string? country = null;
            if (value.EndsWith(')') && value.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0)
            {
                country = value[(open + 2)..^1];
                value = value[..open].Trim();
            }

            if (value.Length == 0)
            {
                return null;
            }

            var type = IdentifierClassifier.Classify(fullLabel);
            if (label == "Vessel Registration Identification" && value.StartsWith("IMO ", StringComparison.Ordinal))
            {
                type = IdentifierType.Imo;
                value = value[4..];
            }

            return new Identifier { Type = type, Value = value, Label = fullLabel.Trim(), Country = country };
        }

        return null;
    }

    private static bool TryAfter(string text, string prefix, out string rest)
    {
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
        {
            rest = text[prefix.Length..].Trim();
            return rest.Length > 0;
        }

        rest = string.Empty;
        return false;
    }

    private static bool TryQuoted(string text, string prefix, out string name)
    {
        name = string.Empty;
        if (!TryAfter(text, prefix, out var rest) || rest.Length < 3 || rest[0] != '\'' || rest[^1] != '\'')
        {
            return false;
        }

        name = rest[1..^1].Trim();
        return name.Length > 0;
    }
}
