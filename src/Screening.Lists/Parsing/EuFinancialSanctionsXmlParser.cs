using System.Globalization;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses the EU consolidated financial sanctions file, XML v1.1 (<c>export</c> / <c>sanctionEntity</c>, namespace
/// http://eu.europa.ec/fpi/fsd/export). The source id is the entity's logicalId; the first nameAlias is the
/// primary name, further ones are strong or weak aliases by their <c>strong</c> attribute.
/// </summary>
public sealed class EuFinancialSanctionsXmlParser : IListParser
{
    public const string Format = "eu-fsf-xml";

    public string FormatName => Format;

    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        var reader = new XmlRecordReader(stream, "the EU financial sanctions file v1.1 (export)");
        try
        {
            var root = reader.ReadRoot();
            if (!string.Equals(root.Name, "export", StringComparison.Ordinal))
            {
                throw new ListFormatException(root.Position, $"expected root element export (EU financial sanctions file v1.1), found '{root.Name}'");
            }

            DateTimeOffset? generated = null;
            if (root.CleanAttribute("generationDate") is { } text)
            {
                generated = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                    ? value
                    : throw new ListFormatException(root.Position, $"generationDate '{text}' is not a timestamp");
            }

            var metadata = new ListMetadata
            {
                FormatName = Format,
                PublishedAt = generated,
                PublicationDate = generated is { } g ? DateOnly.FromDateTime(g.DateTime) : null,
                Title = "EU consolidated list of persons, groups and entities subject to financial sanctions",
            };
            var records = reader.ReadRecords(
                (name, parent) => name == "sanctionEntity" && parent == "export" ? XmlRecordAction.Capture : XmlRecordAction.Skip,
                cancellationToken);
            return new ParsedList(metadata, records.Select(Map), reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static Designation Map(XmlElementNode entity)
    {
        var id = entity.CleanAttribute("logicalId") ?? entity.CleanAttribute("euReferenceNumber")
            ?? throw new ListFormatException(entity.Position, "sanctionEntity has no logicalId");
        var type = entity.Child("subjectType")?.CleanAttribute("code") switch
        {
            "person" => SubjectType.Individual,
            "enterprise" => SubjectType.Entity,
            "vessel" => SubjectType.Vessel,
            "aircraft" => SubjectType.Aircraft,
            var other => throw new ListFormatException(entity.Position, $"sanctionEntity {id}: unknown subjectType code '{other}' (expected person or enterprise)"),
        };

        var names = new List<DesignationName>();
        var titles = new List<string>();
        var positions = new List<string>();
        string? gender = null;
        foreach (var alias in entity.ChildrenNamed("nameAlias"))
        {
            var parts = new List<NamePart>();
            Add(parts, NamePartType.Given, alias.CleanAttribute("firstName"));
            Add(parts, NamePartType.Middle, alias.CleanAttribute("middleName"));
            Add(parts, NamePartType.Family, alias.CleanAttribute("lastName"));
            var whole = alias.CleanAttribute("wholeName") ?? (parts.Count > 0 ? string.Join(' ', parts.Select(p => p.Value)) : null);
            if (whole is null)
            {
                continue;
            }

            var quality = names.Count == 0 ? NameQuality.Primary
                : string.Equals(alias.CleanAttribute("strong"), "false", StringComparison.OrdinalIgnoreCase) ? NameQuality.WeakAlias
                : NameQuality.StrongAlias;
            names.Add(DesignationName.Create(whole, quality, parts, alias.CleanAttribute("nameLanguage")?.ToLowerInvariant()));
            AddDistinct(titles, alias.CleanAttribute("title"));
            AddDistinct(positions, alias.CleanAttribute("function"));
            gender ??= alias.CleanAttribute("gender") switch
            {
                "M" => "Male",
                "F" => "Female",
                var g => g,
            };
        }

        if (names.Count == 0)
        {
            throw new ListFormatException(entity.Position, $"sanctionEntity {id} has no nameAlias with a name");
        }

        var datesOfBirth = new List<BirthDate>();
        var placesOfBirth = new List<PlaceOfBirth>();
        foreach (var birth in entity.ChildrenNamed("birthdate"))
        {
            if (MapBirthDate(birth) is { } date && !datesOfBirth.Contains(date))
            {
                datesOfBirth.Add(date);
            }

            var place = new PlaceOfBirth(birth.CleanAttribute("city"), birth.CleanAttribute("region"), Country(birth), birth.CleanAttribute("place"));
            if (place != new PlaceOfBirth() && !placesOfBirth.Contains(place))
            {
                placesOfBirth.Add(place);
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var document in entity.ChildrenNamed("identification"))
        {
            var number = document.CleanAttribute("number") ?? document.CleanAttribute("latinNumber");
            var label = document.CleanAttribute("identificationTypeDescription") ?? document.CleanAttribute("identificationTypeCode");
            if (number is null && label is null)
            {
                continue;
            }

            var notes = new List<string>();
            AddDistinct(notes, document.CleanAttribute("issuedBy") is { } by ? "issued by " + by : null);
            AddDistinct(notes, document.CleanAttribute("nameOnDocument") is { } on ? "name on document: " + on : null);
            foreach (var flag in (string[])["diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer"])
            {
                if (string.Equals(document.CleanAttribute(flag), "true", StringComparison.OrdinalIgnoreCase))
                {
                    notes.Add(flag);
                }
            }

            notes.AddRange(document.ChildTexts("remark"));
            identifiers.Add(new Identifier
            {
                Type = IdentifierClassifier.Classify(document.CleanAttribute("identificationTypeCode") + " " + label),
                Value = number ?? string.Empty,
                Label = label,
                Country = Country(document),
                Note = notes.Count > 0 ? string.Join("; ", notes) : null,
            });
        }

        var addresses = new List<Address>();
        foreach (var element in entity.ChildrenNamed("address"))
        {
            var street = string.Join(", ", new[] { element.CleanAttribute("street"), element.CleanAttribute("poBox") is { } po ? "PO Box " + po : null }.OfType<string>());
            var address = new Address
            {
                Street = street.Length == 0 ? null : street,
                City = element.CleanAttribute("city"),
                Region = element.CleanAttribute("region"),
                PostalCode = element.CleanAttribute("zipCode"),
                Country = Country(element),
                Note = element.CleanAttribute("place"),
            };
            if (address != new Address())
            {
                addresses.Add(address);
            }
        }

        var regulations = entity.ChildrenNamed("regulation").ToList();
        var remarks = entity.ChildTexts("remark").ToList();
        if (entity.CleanAttribute("unitedNationId") is { } unId)
        {
            remarks.Insert(0, "UN id " + unId);
        }

        return new Designation
        {
            SourceId = id,
            SubjectType = type,
            Names = names,
            DatesOfBirth = datesOfBirth,
            PlacesOfBirth = placesOfBirth,
            Nationalities = entity.ChildrenNamed("citizenship").Select(Country).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Identifiers = identifiers,
            Addresses = addresses,
            Programmes = regulations.Select(r => r.CleanAttribute("programme")).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            LegalBasis = regulations.Count == 0 ? null : string.Join("; ", regulations.Select(r => r.CleanAttribute("numberTitle")).OfType<string>()),
            Remarks = remarks.Count == 0 ? null : string.Join(" ", remarks),
            Gender = gender,
            Titles = titles,
            Positions = positions,
            ListedOn = entity.CleanAttribute("designationDate") is { } designated
                && DateOnly.TryParseExact(designated.Length >= 10 ? designated[..10] : designated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        };
    }

    private static BirthDate? MapBirthDate(XmlElementNode birth)
    {
        var circa = string.Equals(birth.CleanAttribute("circa"), "true", StringComparison.OrdinalIgnoreCase);
        var from = Year(birth.CleanAttribute("yearRangeFrom"));
        var to = Year(birth.CleanAttribute("yearRangeTo"));
        if (from is not null && to is not null)
        {
            return new BirthDate(BirthDateKind.Between, new PartialDate(from.Value), new PartialDate(to.Value));
        }

        PartialDate? value = PartialDate.TryParse(birth.CleanAttribute("birthdate"));
        if (value is null && Year(birth.CleanAttribute("year")) is { } year)
        {
            var month = Year(birth.CleanAttribute("monthOfYear"));
            var day = Year(birth.CleanAttribute("dayOfMonth"));
            value = new PartialDate(year, month, month is null ? null : day);
        }

        if (value is null)
        {
            return null;
        }

        return circa ? new BirthDate(BirthDateKind.Approximate, value) : BirthDate.Of(value);
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static string? Country(XmlElementNode element)
    {
        var description = element.CleanAttribute("countryDescription");
        return description is null or "UNKNOWN" || element.CleanAttribute("countryIso2Code") == "00" && description == "UNKNOWN" ? null : description;
    }

    private static void Add(List<NamePart> parts, NamePartType type, string? value)
    {
        if (value is not null)
        {
            parts.Add(new NamePart(type, value));
        }
    }

    private static void AddDistinct(List<string> list, string? value)
    {
        if (value is not null && !list.Contains(value))
        {
            list.Add(value);
        }
    }
}
