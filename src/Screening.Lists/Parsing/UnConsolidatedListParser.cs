using System.Globalization;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses the UN Security Council Consolidated List XML (<c>CONSOLIDATED_LIST</c>, both the current and the
/// 2016 layout): individuals and entities, every alias quality, every TYPE_OF_DATE, documents and
/// original-script names. The source id is the UN reference number (e.g. <c>TAi.004</c>).
/// </summary>
public sealed class UnConsolidatedListParser : IListParser
{
    public const string Format = "un-xml";

    public string FormatName => Format;

    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        var reader = new XmlRecordReader(stream, "the UN consolidated list (CONSOLIDATED_LIST)");
        try
        {
            var root = reader.ReadRoot();
            if (!string.Equals(root.Name, "CONSOLIDATED_LIST", StringComparison.Ordinal))
            {
                throw new ListFormatException(root.Position, $"expected root element CONSOLIDATED_LIST (UN consolidated list), found '{root.Name}'");
            }

            var generated = ParseTimestamp(root.Attribute("dateGenerated"), root.Position);
            var metadata = new ListMetadata
            {
                FormatName = Format,
                PublishedAt = generated,
                PublicationDate = generated is { } g ? DateOnly.FromDateTime(g.DateTime) : null,
                Title = "UN Security Council Consolidated List",
            };
            return new ParsedList(metadata, Read(reader, cancellationToken), reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static IEnumerable<Designation> Read(XmlRecordReader reader, CancellationToken cancellationToken)
    {
        var records = reader.ReadRecords(
            (name, parent) => name switch
            {
                "INDIVIDUALS" or "ENTITIES" when parent == "CONSOLIDATED_LIST" => XmlRecordAction.Descend,
                "INDIVIDUAL" when parent == "INDIVIDUALS" => XmlRecordAction.Capture,
                "ENTITY" when parent == "ENTITIES" => XmlRecordAction.Capture,
                _ => XmlRecordAction.Skip,
            },
            cancellationToken);
        foreach (var record in records)
        {
            yield return Map(record);
        }
    }

    private static Designation Map(XmlElementNode record)
    {
        var individual = string.Equals(record.Name, "INDIVIDUAL", StringComparison.Ordinal);
        var sourceId = record.ChildText("REFERENCE_NUMBER") ?? record.ChildText("DATAID")
            ?? throw new ListFormatException(record.Position, "the record has neither REFERENCE_NUMBER nor DATAID");

        var names = new List<DesignationName>();
        var parts = new List<NamePart>();
        foreach (var element in (string[])["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"])
        {
            if (record.ChildText(element) is { } part)
            {
                parts.Add(new NamePart(NamePartType.Unspecified, part));
            }
        }

        if (parts.Count == 0)
        {
            throw new ListFormatException(record.Position, $"record {sourceId} has no name (FIRST_NAME is empty)");
        }

        names.Add(DesignationName.Create(string.Join(' ', parts.Select(p => p.Value)), NameQuality.Primary, parts));
        if (record.ChildText("NAME_ORIGINAL_SCRIPT") is { } original)
        {
            names.Add(DesignationName.Create(original, NameQuality.Primary));
        }

        var datesOfBirth = new List<BirthDate>();
        var placesOfBirth = new List<PlaceOfBirth>();
        foreach (var alias in record.ChildrenNamed(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            var aliasName = alias.ChildText("ALIAS_NAME");
            if (aliasName is null)
            {
                continue;
            }

            var quality = MapQuality(alias.ChildText("QUALITY"), alias.Position);
            foreach (var single in aliasName.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(DesignationName.Create(single, quality));
            }

            if (alias.ChildText("DATE_OF_BIRTH") is { } aliasDob)
            {
                datesOfBirth.Add(BirthDate.Of(ParseDate(aliasDob, alias.Position)));
            }

            var aliasPlace = new PlaceOfBirth(alias.ChildText("CITY_OF_BIRTH"), null, alias.ChildText("COUNTRY_OF_BIRTH"));
            if (aliasPlace != new PlaceOfBirth() && !placesOfBirth.Contains(aliasPlace))
            {
                placesOfBirth.Add(aliasPlace);
            }
        }

        foreach (var dob in record.ChildrenNamed("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            if (MapDateOfBirth(dob) is { } birthDate && !datesOfBirth.Contains(birthDate))
            {
                datesOfBirth.Add(birthDate);
            }
        }

        foreach (var pob in record.ChildrenNamed("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            var place = new PlaceOfBirth(pob.ChildText("CITY"), pob.ChildText("STATE_PROVINCE"), pob.ChildText("COUNTRY"), pob.ChildText("NOTE"));
            if (place != new PlaceOfBirth() && !placesOfBirth.Contains(place))
            {
                placesOfBirth.Add(place);
            }
        }

        var addresses = new List<Address>();
        foreach (var element in record.ChildrenNamed(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
        {
            var address = new Address
            {
                Street = element.ChildText("STREET"),
                City = element.ChildText("CITY"),
                Region = element.ChildText("STATE_PROVINCE"),
                PostalCode = element.ChildText("ZIP_CODE"),
                Country = element.ChildText("COUNTRY"),
                Note = element.ChildText("NOTE"),
            };
            if (address != new Address())
            {
                addresses.Add(address);
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var document in record.ChildrenNamed("INDIVIDUAL_DOCUMENT"))
        {
            var label = document.ChildText("TYPE_OF_DOCUMENT");
            var label2 = document.ChildText("TYPE_OF_DOCUMENT2");
            var number = document.ChildText("NUMBER");
            var note = JoinNotes(
                document.ChildText("DATE_OF_ISSUE") is { } issued ? "issued " + issued : null,
                document.ChildText("CITY_OF_ISSUE") is { } issuedIn ? "issued in " + issuedIn : null,
                label2,
                document.ChildText("NOTE"));
            if (label is null && number is null && note is null)
            {
                continue;
            }

            identifiers.Add(new Identifier
            {
                Type = IdentifierClassifier.Classify(label ?? label2),
                Value = number ?? string.Empty,
                Label = label,
                Country = document.ChildText("ISSUING_COUNTRY") ?? document.ChildText("COUNTRY_OF_ISSUE"),
                Note = note,
            });
        }

        var listedOn = record.ChildText("LISTED_ON") is { } listed ? ParseFullDate(listed, record.Position) : (DateOnly?)null;
        return new Designation
        {
            SourceId = sourceId,
            SubjectType = individual ? SubjectType.Individual : SubjectType.Entity,
            Names = names,
            DatesOfBirth = datesOfBirth,
            PlacesOfBirth = placesOfBirth,
            Nationalities = Values(record, "NATIONALITY"),
            Identifiers = identifiers,
            Addresses = addresses,
            Programmes = record.ChildText("UN_LIST_TYPE") is { } programme ? [programme] : ValueArray<string>.Empty,
            Remarks = record.ChildText("COMMENTS1"),
            Gender = record.ChildText("GENDER"),
            Titles = Values(record, "TITLE"),
            Positions = Values(record, "DESIGNATION"),
            ListedOn = listedOn,
        };
    }

    private static ValueArray<string> Values(XmlElementNode record, string container)
    {
        var values = new List<string>();
        foreach (var element in record.ChildrenNamed(container))
        {
            values.AddRange(element.ChildTexts("VALUE"));
        }

        return values;
    }

    private static NameQuality MapQuality(string? quality, string position) => quality?.ToUpperInvariant() switch
    {
        null or "GOOD" or "A.K.A." or "AKA" => NameQuality.StrongAlias,
        "LOW" => NameQuality.WeakAlias,
        "F.K.A." or "FKA" => NameQuality.FormerName,
        _ => throw new ListFormatException(position, $"unknown alias QUALITY '{quality}' (expected Good, Low, a.k.a. or f.k.a.)"),
    };

    private static BirthDate? MapDateOfBirth(XmlElementNode dob)
    {
        var types = dob.ChildTexts("TYPE_OF_DATE").Select(t => t.ToUpperInvariant()).ToList();
        foreach (var type in types)
        {
            if (type is not ("EXACT" or "APPROXIMATELY" or "BETWEEN"))
            {
                throw new ListFormatException(dob.Position, $"unknown TYPE_OF_DATE '{type}' (expected EXACT, APPROXIMATELY or BETWEEN)");
            }
        }

        var date = dob.ChildText("DATE") is { } d ? ParseDate(d, dob.Position) : null;
        var yearText = dob.ChildText("YEAR");
        var from = dob.ChildText("FROM_YEAR") is { } f ? ParseYear(f, dob.Position) : null;
        var to = dob.ChildText("TO_YEAR") is { } t ? ParseYear(t, dob.Position) : null;

        // The 2016 layout writes a range as YEAR "1955-1958".
        if (yearText is { Length: 9 } && yearText[4] == '-' && from is null && to is null)
        {
            from = ParseYear(yearText[..4], dob.Position);
            to = ParseYear(yearText[5..], dob.Position);
            yearText = null;
        }

        var year = yearText is not null ? ParseYear(yearText, dob.Position) : null;
        if (from is not null || to is not null)
        {
            if (from is null || to is null)
            {
                throw new ListFormatException(dob.Position, "a BETWEEN date of birth needs both FROM_YEAR and TO_YEAR");
            }

            return new BirthDate(BirthDateKind.Between, from, to);
        }

        var value = date ?? year;
        if (value is null)
        {
            return null;
        }

        return types.Contains("APPROXIMATELY") ? new BirthDate(BirthDateKind.Approximate, value) : BirthDate.Of(value);
    }

    private static PartialDate ParseYear(string text, string position) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 0 and < 10000
            ? new PartialDate(year)
            : throw new ListFormatException(position, $"'{text}' is not a year");

    private static PartialDate ParseDate(string text, string position) =>
        PartialDate.TryParse(text) ?? throw new ListFormatException(position, $"'{text}' is not a date (yyyy-MM-dd)");

    // xs:date may carry a zone offset ("2025-02-20-05:00"); the calendar date is the first ten characters.
    private static DateOnly ParseFullDate(string text, string position) =>
        text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ListFormatException(position, $"'{text}' is not a date (yyyy-MM-dd)");

    private static DateTimeOffset? ParseTimestamp(string? text, string position)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ListFormatException(position, $"dateGenerated '{text}' is not a timestamp");
    }

    private static string? JoinNotes(params string?[] notes)
    {
        var present = notes.Where(n => n is not null).ToList();
        return present.Count == 0 ? null : string.Join("; ", present);
    }
}
