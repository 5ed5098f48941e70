using System.Globalization;
using System.Text.Json;
using Screening.Lists.History;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses the platform's own JSON format for national lists that publish no machine-readable file
/// (specified in docs/LIST-FORMAT.md, schema docs/schemas/national-list.schema.json). Streaming: the header
/// properties must come before <c>designations</c>, which is read one designation at a time.
/// <see cref="Parse"/> yields the designations in force after their stated revisions; <see cref="Read"/>
/// returns every entry with its stated revisions.
/// </summary>
public sealed class NationalJsonListParser : IListParser
{
    public const string Format = "national-json";

    /// <summary>Largest accepted single designation (or header value).</summary>
    public const int MaxDesignationBytes = 4 * 1024 * 1024;

    public string FormatName => Format;

    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        var (metadata, entries, reader) = Open(stream, cancellationToken);
        return new ParsedList(metadata, entries.Where(e => e.InForce).Select(e => e.Designation), reader);
    }

    /// <summary>Reads a whole document with every entry and its stated revisions (national lists are small).</summary>
    public NationalListDocument Read(Stream stream, CancellationToken cancellationToken = default)
    {
        var (metadata, entries, reader) = Open(stream, cancellationToken);
        using (reader)
        {
            var list = new List<NationalListEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!seen.Add(entry.Designation.SourceId))
                {
                    throw new ListFormatException($"$.designations[{list.Count}].id", $"the id '{entry.Designation.SourceId}' occurs more than once");
                }

                list.Add(entry);
            }

            return new NationalListDocument(metadata, list);
        }
    }

    private static (ListMetadata Metadata, IEnumerable<NationalListEntry> Entries, JsonChunkReader Reader) Open(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new JsonChunkReader(stream, MaxDesignationBytes);
        try
        {
            var metadata = ReadHeader(reader);
            return (metadata, ReadEntries(reader, cancellationToken), reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static ListMetadata ReadHeader(JsonChunkReader reader)
    {
        var empty = reader.Read((ref Utf8JsonReader r, out bool isEmpty) =>
        {
            isEmpty = false;
            if (!r.Read())
            {
                isEmpty = r.IsFinalBlock;
                return r.IsFinalBlock;
            }

            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw new ListFormatException("$", $"a national-json document is a JSON object, found {r.TokenType}");
            }

            return true;
        }, "$");
        if (empty)
        {
            throw new ListFormatException("byte 0", "the file is empty");
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var (name, value) = reader.Read((ref Utf8JsonReader r, out (string? Name, string? Value) property) =>
            {
                property = default;
                var copy = r;
                if (!copy.Read())
                {
                    return false;
                }

                if (copy.TokenType == JsonTokenType.EndObject)
                {
                    r = copy;
                    return true;
                }

                var name = copy.GetString()!;
                if (!copy.Read())
                {
                    return false;
                }

                if (name == "designations")
                {
                    if (copy.TokenType != JsonTokenType.StartArray)
                    {
                        throw new ListFormatException("$.designations", "'designations' must be an array");
                    }

                    property = (name, null);
                    r = copy;
                    return true;
                }

                string? value = copy.TokenType switch
                {
                    JsonTokenType.String => copy.GetString(),
                    JsonTokenType.Number => copy.GetInt64().ToString(CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (!copy.TrySkip())
                {
                    return false;
                }

                property = (name, value);
                r = copy;
                return true;
            }, "$");

            if (name is null)
            {
                throw new ListFormatException("$", "the document has no 'designations' array");
            }

            if (name == "designations")
            {
                break;
            }

            if (value is not null)
            {
                header[name] = value;
            }
        }

        if (!header.TryGetValue("format", out var format) || format != Format)
        {
            throw new ListFormatException("$.format", $"expected \"format\": \"{Format}\" before 'designations', found {(format is null ? "none" : "'" + format + "'")}");
        }

        if (!header.TryGetValue("list", out var list))
        {
            throw new ListFormatException("$.list", "the document must name its list ('list': 'JURISDICTION/name') before 'designations'");
        }

        try
        {
            ListId.Parse(list);
        }
        catch (FormatException ex)
        {
            throw new ListFormatException("$.list", ex.Message, ex);
        }

        DateOnly? publication = null;
        if (header.TryGetValue("publicationDate", out var published))
        {
            publication = DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new ListFormatException("$.publicationDate", $"'{published}' is not a date (yyyy-MM-dd)");
        }

        return new ListMetadata
        {
            FormatName = Format,
            SourceList = list,
            Title = header.GetValueOrDefault("title"),
            PublicationDate = publication,
        };
    }

    private static IEnumerable<NationalListEntry> ReadEntries(JsonChunkReader reader, CancellationToken cancellationToken)
    {
        for (var index = 0; ; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = string.Create(CultureInfo.InvariantCulture, $"$.designations[{index}]");
            var document = reader.Read((ref Utf8JsonReader r, out JsonDocument? element) =>
            {
                element = null;
                var copy = r;
                if (!copy.Read())
                {
                    return false;
                }

                if (copy.TokenType == JsonTokenType.EndArray)
                {
                    r = copy;
                    return true;
                }

                if (copy.TokenType != JsonTokenType.StartObject)
                {
                    throw new ListFormatException(path, $"a designation is a JSON object, found {copy.TokenType}");
                }

                var probe = copy;
                if (!probe.TrySkip())
                {
                    return false;
                }

                element = JsonDocument.ParseValue(ref copy);
                r = copy;
                return true;
            }, path);

            if (document is null)
            {
                break;
            }

            NationalListEntry entry;
            using (document)
            {
                try
                {
                    entry = MapEntry(document.RootElement, path);
                }
                catch (InvalidOperationException ex)
                {
                    throw new ListFormatException(path, "text that is not valid UTF-8 (wrong encoding?): " + ex.Message, ex);
                }
            }

            yield return entry;
        }

        // The rest of the root object: anything after 'designations' is ignored, but it must be complete.
        reader.Read((ref Utf8JsonReader r, out bool ok) =>
        {
            ok = true;
            var copy = r;
            while (copy.CurrentDepth > 0 || copy.TokenType != JsonTokenType.EndObject)
            {
                if (!copy.Read())
                {
                    return false;
                }

                if (copy.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !copy.TrySkip())
                {
                    return false;
                }
            }

            r = copy;
            return true;
        }, "$");
    }

    private static NationalListEntry MapEntry(JsonElement e, string path)
    {
        var id = RequiredString(e, "id", path);
        var type = RequiredString(e, "type", path) switch
        {
            "individual" => SubjectType.Individual,
            "entity" => SubjectType.Entity,
            "vessel" => SubjectType.Vessel,
            "aircraft" => SubjectType.Aircraft,
            var other => throw new ListFormatException(path + ".type", $"unknown type '{other}' (expected individual, entity, vessel or aircraft)"),
        };

        var names = Array(e, "names", path, (n, p) => MapName(n, p));
        if (names.Count == 0)
        {
            throw new ListFormatException(path + ".names", "a designation needs at least one name");
        }

        var designation = new Designation
        {
            SourceId = id,
            SubjectType = type,
            Names = names,
            DatesOfBirth = Array(e, "datesOfBirth", path, MapBirthDate),
            PlacesOfBirth = Array(e, "placesOfBirth", path, (p, _) => new PlaceOfBirth(Str(p, "city"), Str(p, "region"), Str(p, "country"), Str(p, "text"))),
            Nationalities = Strings(e, "nationalities", path),
            Countries = Strings(e, "countries", path),
            Identifiers = Array(e, "identifiers", path, MapIdentifier),
            Addresses = Array(e, "addresses", path, (a, _) => new Address
            {
                Street = Str(a, "street"),
                City = Str(a, "city"),
                Region = Str(a, "region"),
                PostalCode = Str(a, "postalCode"),
                Country = Str(a, "country"),
                Note = Str(a, "note"),
            }),
            Programmes = Strings(e, "programmes", path),
            LegalBasis = Str(e, "legalBasis"),
            Remarks = Str(e, "remarks"),
            Gender = Str(e, "gender"),
            Titles = Strings(e, "titles", path),
            Positions = Strings(e, "positions", path),
            ListedOn = Str(e, "listedOn") is { } listed ? ParseDay(listed, path + ".listedOn") : null,
        };
        return new NationalListEntry(designation, Array(e, "revisions", path, MapRevision));
    }

    private static DesignationName MapName(JsonElement n, string path)
    {
        var full = RequiredString(n, "name", path);
        var quality = Str(n, "quality") switch
        {
            null or "primary" => NameQuality.Primary,
            "strong" => NameQuality.StrongAlias,
            "weak" => NameQuality.WeakAlias,
            "former" => NameQuality.FormerName,
            var other => throw new ListFormatException(path + ".quality", $"unknown quality '{other}' (expected primary, strong, weak or former)"),
        };
        var parts = Array(n, "parts", path, (p, pp) => new NamePart(
            Str(p, "type") switch
            {
                null or "unspecified" => NamePartType.Unspecified,
                "given" => NamePartType.Given,
                "middle" => NamePartType.Middle,
                "family" => NamePartType.Family,
                "patronymic" => NamePartType.Patronymic,
                "title" => NamePartType.Title,
                var other => throw new ListFormatException(pp + ".type", $"unknown name part type '{other}'"),
            },
            RequiredString(p, "value", pp)));
        var name = DesignationName.Create(full, quality, parts, Str(n, "language"));
        return Str(n, "script") is { } script ? name with { Script = script } : name;
    }

    private static BirthDate MapBirthDate(JsonElement b, string path)
    {
        var date = Str(b, "date");
        var from = Str(b, "from");
        var to = Str(b, "to");
        if (from is not null || to is not null)
        {
            return new BirthDate(BirthDateKind.Between, Partial(from, path + ".from"), Partial(to, path + ".to"));
        }

        var value = Partial(date, path + ".date");
        return b.TryGetProperty("approximate", out var approx) && approx.ValueKind == JsonValueKind.True
            ? new BirthDate(BirthDateKind.Approximate, value)
            : BirthDate.Of(value);
    }

    private static Identifier MapIdentifier(JsonElement i, string path)
    {
        var typeText = RequiredString(i, "type", path);
        var type = typeText switch
        {
            "passport" => IdentifierType.Passport,
            "national-id" => IdentifierType.NationalId,
            "registration" => IdentifierType.Registration,
            "tax-id" => IdentifierType.TaxId,
            "imo" => IdentifierType.Imo,
            "crypto-address" => IdentifierType.CryptoAddress,
            "swift-bic" => IdentifierType.SwiftBic,
            "email" => IdentifierType.Email,
            "website" => IdentifierType.Website,
            "phone" => IdentifierType.Phone,
            "other" => IdentifierType.Other,
            var other => throw new ListFormatException(path + ".type", $"unknown identifier type '{other}'"),
        };
        return new Identifier { Type = type, Value = RequiredString(i, "value", path), Label = Str(i, "label"), Country = Str(i, "country"), Note = Str(i, "note") };
    }

    private static StatedRevision MapRevision(JsonElement r, string path)
    {
        var kind = RequiredString(r, "kind", path) switch
        {
            "listed" => RevisionKind.Listed,
            "amended" => RevisionKind.Amended,
            "delisted" => RevisionKind.Delisted,
            "relisted" => RevisionKind.Relisted,
            var other => throw new ListFormatException(path + ".kind", $"unknown revision kind '{other}' (expected listed, amended, delisted or relisted)"),
        };
        var effective = RequiredString(r, "effective", path);
        var (date, precision) = effective switch
        {
            "unknown" => (DateOnly.MinValue, DatePrecision.Unknown),
            { Length: 4 } => (new DateOnly(Partial(effective, path + ".effective").Year, 1, 1), DatePrecision.Year),
            { Length: 7 } => (ParseDay(effective + "-01", path + ".effective"), DatePrecision.Month),
            _ => (ParseDay(effective, path + ".effective"), DatePrecision.Day),
        };
        return new StatedRevision
        {
            Kind = kind,
            EffectiveDate = date,
            EffectivePrecision = precision,
            LegalBasis = Str(r, "legalBasis"),
            Reason = Str(r, "reason"),
            SourceReference = Str(r, "source"),
        };
    }

    private static PartialDate Partial(string? text, string path) =>
        PartialDate.TryParse(text) ?? throw new ListFormatException(path, $"'{text}' is not a date (yyyy, yyyy-MM or yyyy-MM-dd)");

    private static DateOnly ParseDay(string text, string path) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ListFormatException(path, $"'{text}' is not a date (yyyy-MM-dd)");

    private static string RequiredString(JsonElement e, string property, string path) =>
        Str(e, property) ?? throw new ListFormatException(path + "." + property, $"'{property}' is required and must be a non-empty string");

    private static string? Str(JsonElement e, string property)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? TextValue.Clean(value.GetString())
            : throw new ListFormatException(property, $"'{property}' must be a string, found {value.ValueKind}");
    }

    private static ValueArray<string> Strings(JsonElement e, string property, string path) =>
        Array(e, property, path, (v, p) => v.ValueKind == JsonValueKind.String && TextValue.Clean(v.GetString()) is { } s
            ? s
            : throw new ListFormatException(p, $"'{property}' must hold non-empty strings"));

    private static ValueArray<T> Array<T>(JsonElement e, string property, string path, Func<JsonElement, string, T> map)
    {
        if (!e.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return ValueArray<T>.Empty;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new ListFormatException(path + "." + property, $"'{property}' must be an array");
        }

        var items = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(map(item, string.Create(CultureInfo.InvariantCulture, $"{path}.{property}[{i++}]")));
        }

        return items;
    }
}
