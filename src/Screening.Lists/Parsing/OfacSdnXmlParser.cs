using System.Globalization;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses OFAC's sdn.xml schema (<c>sdnList</c> / <c>publshInformation</c> (sic) / <c>sdnEntry</c>), used for the
/// SDN list and the consolidated non-SDN list, under either namespace. The source id is the entry uid.
/// </summary>
public sealed class OfacSdnXmlParser : IListParser
{
    public const string Format = "ofac-sdn-xml";

    public string FormatName => Format;

    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        var reader = new XmlRecordReader(stream, "OFAC sdn.xml (sdnList)");
        try
        {
            var root = reader.ReadRoot();
            if (!string.Equals(root.Name, "sdnList", StringComparison.Ordinal))
            {
                throw new ListFormatException(root.Position, $"expected root element sdnList (OFAC sdn.xml), found '{root.Name}'");
            }

            var records = reader.ReadRecords(
                (name, parent) => name is "publshInformation" or "sdnEntry" && parent == "sdnList" ? XmlRecordAction.Capture : XmlRecordAction.Skip,
                cancellationToken).GetEnumerator();
            var metadata = new ListMetadata { FormatName = Format, Title = "OFAC sdn.xml" };
            XmlElementNode? first = null;
            if (records.MoveNext())
            {
                if (records.Current.Name == "publshInformation")
                {
                    var published = records.Current.ChildText("Publish_Date");
                    metadata = metadata with
                    {
                        PublicationDate = published is null ? null
                            : DateOnly.TryParseExact(published, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                            : throw new ListFormatException(records.Current.Position, $"Publish_Date '{published}' is not MM/dd/yyyy"),
                        DeclaredRecordCount = int.TryParse(records.Current.ChildText("Record_Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null,
                    };
                }
                else
                {
                    first = records.Current;
                }
            }

            return new ParsedList(metadata, Read(first, records), new Disposables(reader, records));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static IEnumerable<Designation> Read(XmlElementNode? first, IEnumerator<XmlElementNode> records)
    {
        if (first is not null)
        {
            yield return Map(first);
        }

        while (records.MoveNext())
        {
            if (records.Current.Name == "sdnEntry")
            {
                yield return Map(records.Current);
            }
        }
    }

    private static Designation Map(XmlElementNode entry)
    {
        var uid = entry.ChildText("uid") ?? throw new ListFormatException(entry.Position, "sdnEntry has no uid");
        var type = entry.ChildText("sdnType")?.ToUpperInvariant() switch
        {
            "INDIVIDUAL" => SubjectType.Individual,
            "ENTITY" => SubjectType.Entity,
            "VESSEL" => SubjectType.Vessel,
            "AIRCRAFT" => SubjectType.Aircraft,
            var other => throw new ListFormatException(entry.Position, $"sdnEntry {uid}: unknown sdnType '{other}'"),
        };
        if (entry.ChildText("lastName") is null)
        {
            throw new ListFormatException(entry.Position, $"sdnEntry {uid} has no lastName");
        }

        var names = new List<DesignationName> { OfacNames.FromParts(entry.ChildText("firstName"), entry.ChildText("lastName"), NameQuality.Primary) };
        foreach (var aka in Items(entry, "akaList", "aka"))
        {
            if (aka.ChildText("lastName") is null && aka.ChildText("firstName") is null)
            {
                continue;
            }

            var quality = aka.ChildText("type")?.ToUpperInvariant() == "F.K.A." ? NameQuality.FormerName
                : aka.ChildText("category")?.ToUpperInvariant() == "WEAK" ? NameQuality.WeakAlias
                : NameQuality.StrongAlias;
            names.Add(OfacNames.FromParts(aka.ChildText("firstName"), aka.ChildText("lastName"), quality));
        }

        string? gender = null;
        var identifiers = new List<Identifier>();
        foreach (var id in Items(entry, "idList", "id"))
        {
            var label = id.ChildText("idType");
            var number = id.ChildText("idNumber");
            if (string.Equals(label, "Gender", StringComparison.OrdinalIgnoreCase))
            {
                gender = number;
                continue;
            }

            if (number is null && label is null)
            {
                continue;
            }

            var notes = new List<string>();
            if (id.ChildText("issueDate") is { } issued)
            {
                notes.Add("issued " + issued);
            }

            if (id.ChildText("expirationDate") is { } expires)
            {
                notes.Add("expires " + expires);
            }

            identifiers.Add(new Identifier
            {
                Type = IdentifierClassifier.Classify(label),
                Value = number ?? string.Empty,
                Label = label,
                Country = id.ChildText("idCountry"),
                Note = notes.Count > 0 ? string.Join("; ", notes) : null,
            });
        }

        var datesOfBirth = new List<BirthDate>();
        foreach (var item in Items(entry, "dateOfBirthList", "dateOfBirthItem"))
        {
            if (item.ChildText("dateOfBirth") is { } text)
            {
                var date = OfacRemarks.ParseBirthDate(text) ?? throw new ListFormatException(item.Position, $"dateOfBirth '{text}' is not a date OFAC writes (dd MMM yyyy, MMM yyyy, yyyy, circa, 'to')");
                datesOfBirth.Add(date);
            }
        }

        var addresses = new List<Address>();
        foreach (var item in Items(entry, "addressList", "address"))
        {
            var street = string.Join(", ", ((string[])["address1", "address2", "address3"]).Select(item.ChildText).Where(s => s is not null));
            var address = new Address
            {
                Street = street.Length == 0 ? null : street,
                City = item.ChildText("city"),
                Region = item.ChildText("stateOrProvince"),
                PostalCode = item.ChildText("postalCode"),
                Country = item.ChildText("country"),
            };
            if (address != new Address())
            {
                addresses.Add(address);
            }
        }

        var countries = Items(entry, "citizenshipList", "citizenship").Select(c => c.ChildText("country")).OfType<string>().ToList();
        var vessel = entry.Child("vesselInfo");
        var remarks = entry.ChildText("remarks");
        if (vessel is not null)
        {
            if (vessel.ChildText("callSign") is { } callSign)
            {
                identifiers.Add(new Identifier { Type = IdentifierType.CallSign, Value = callSign, Label = "Call Sign" });
            }

            if (vessel.ChildText("vesselFlag") is { } flag)
            {
                countries.Add(flag);
            }

            var notes = new List<string>();
            foreach (var (element, label) in (ReadOnlySpan<(string, string)>)[("vesselType", "Vessel type"), ("tonnage", "Tonnage"), ("grossRegisteredTonnage", "GRT"), ("vesselOwner", "Vessel owner")])
            {
                if (vessel.ChildText(element) is { } value)
                {
                    notes.Add(label + ": " + value);
                }
            }

            if (notes.Count > 0)
            {
                remarks = string.Join("; ", notes) + (remarks is null ? string.Empty : "; " + remarks);
            }
        }

        return new Designation
        {
            SourceId = uid,
            SubjectType = type,
            Names = names,
            DatesOfBirth = datesOfBirth,
            PlacesOfBirth = Items(entry, "placeOfBirthList", "placeOfBirthItem").Select(p => p.ChildText("placeOfBirth")).OfType<string>().Select(t => new PlaceOfBirth(Text: t)).ToList(),
            Nationalities = Items(entry, "nationalityList", "nationality").Select(n => n.ChildText("country")).OfType<string>().ToList(),
            Countries = countries,
            Identifiers = identifiers,
            Addresses = addresses,
            Programmes = entry.Child("programList")?.ChildTexts("program").ToList() ?? [],
            Remarks = remarks,
            Gender = gender,
            Positions = entry.ChildText("title") is { } title ? [title] : [],
        };
    }

    private static IEnumerable<XmlElementNode> Items(XmlElementNode entry, string list, string item) =>
        entry.Child(list)?.ChildrenNamed(item) ?? [];
}
