using System.Globalization;
using System.IO.Compression;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses OFAC's classic SDN CSV set: sdn.csv (no header, 12 columns, null written "-0-", CRLF, Windows-1252,
/// 0x1A at the end) joined with add.csv, alt.csv and sdn_comments.csv by ent_num. sdn.csv is streamed; the
/// smaller side files are indexed by ent_num first (memory proportional to the aliases and addresses, which
/// the designations hold anyway). Weak aliases are the quoted a.k.a. of the Remarks; alt.csv aliases are strong
/// (aka, nka) or former names (fka). Rows of side files whose ent_num is not in sdn.csv are ignored.
/// </summary>
public sealed class OfacSdnCsvParser : IListParser
{
    public const string Format = "ofac-sdn-csv";

    private const string Null = "-0-";

    public string FormatName => Format;

    /// <summary>Parses a zip archive holding sdn.csv, add.csv, alt.csv and optionally sdn_comments.csv.</summary>
    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            stream.Dispose();
            throw new ListFormatException("byte 0", "ofac-sdn-csv expects a zip archive holding sdn.csv, add.csv, alt.csv and sdn_comments.csv (or use Parse(OfacSdnCsvFiles) for separate streams): " + ex.Message, ex);
        }

        try
        {
            var files = new OfacSdnCsvFiles(
                Entry(archive, "sdn.csv", required: true)!,
                Entry(archive, "add.csv", required: true)!,
                Entry(archive, "alt.csv", required: true)!,
                Entry(archive, "sdn_comments.csv", required: false));
            return Parse(files, archive, cancellationToken);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Parses the four files given as separate streams; the streams are owned by the result.</summary>
    public ParsedList Parse(OfacSdnCsvFiles files, CancellationToken cancellationToken = default) => Parse(files, null, cancellationToken);

    private static ParsedList Parse(OfacSdnCsvFiles files, IDisposable? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var disposables = new Disposables(owner, files.Sdn, files.Addresses, files.Aliases, files.Comments);
        try
        {
            var addresses = ReadAddresses(files.Addresses, cancellationToken);
            var aliases = ReadAliases(files.Aliases, cancellationToken);
            var comments = files.Comments is null ? [] : ReadComments(files.Comments, cancellationToken);
            var sdn = new CsvRecordReader(ListTextEncoding.Open(files.Sdn, ListTextEncoding.Windows1252), "sdn.csv");
            disposables.Add(sdn);
            var metadata = new ListMetadata { FormatName = Format, Title = "OFAC Specially Designated Nationals (SDN) list" };
            return new ParsedList(metadata, Read(sdn, addresses, aliases, comments, cancellationToken), disposables);
        }
        catch
        {
            disposables.Dispose();
            throw;
        }
    }

    private static IEnumerable<Designation> Read(
        CsvRecordReader sdn,
        Dictionary<int, List<Address>> addresses,
        Dictionary<int, List<(string Type, string Name)>> aliases,
        Dictionary<int, string> comments,
        CancellationToken cancellationToken)
    {
        while (sdn.Read() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Map(sdn, row, addresses, aliases, comments);
        }
    }

    private static Designation Map(
        CsvRecordReader sdn,
        List<string> row,
        Dictionary<int, List<Address>> addresses,
        Dictionary<int, List<(string Type, string Name)>> aliases,
        Dictionary<int, string> comments)
    {
        Expect(sdn, row, 12);
        var id = EntNum(sdn, row[0]);
        var name = Value(row[1]) ?? throw new ListFormatException(sdn.Position, $"ent_num {id} has no SDN_Name");
        var type = Value(row[2])?.ToUpperInvariant() switch
        {
            null => SubjectType.Entity,
            "INDIVIDUAL" => SubjectType.Individual,
            "VESSEL" => SubjectType.Vessel,
            "AIRCRAFT" => SubjectType.Aircraft,
            var other => throw new ListFormatException(sdn.Position, $"unknown SDN_Type '{other}' (expected individual, vessel, aircraft or -0-)"),
        };
        var individual = type == SubjectType.Individual;
        var remarks = Value(row[11]);
        if (comments.TryGetValue(id, out var continuation))
        {
            remarks = (remarks ?? string.Empty) + continuation;
        }

        var facts = OfacRemarks.Read(remarks);
        var names = new List<DesignationName> { OfacNames.FromCsv(name, NameQuality.Primary, individual) };
        if (aliases.TryGetValue(id, out var alts))
        {
            foreach (var (altType, altName) in alts)
            {
                names.Add(OfacNames.FromCsv(altName, altType == "FKA" ? NameQuality.FormerName : NameQuality.StrongAlias, individual));
            }
        }

        names.AddRange(facts.WeakAliases);
        var identifiers = facts.Identifiers;
        var countries = facts.Countries;
        var vesselNotes = new List<string>();
        if (Value(row[5]) is { } callSign)
        {
            identifiers.Add(new Identifier { Type = IdentifierType.CallSign, Value = callSign, Label = "Call Sign" });
        }

        if (Value(row[9]) is { } flag)
        {
            countries.Add(flag);
        }

        AddNote(vesselNotes, "Vessel type", row[6]);
        AddNote(vesselNotes, "Tonnage", row[7]);
        AddNote(vesselNotes, "GRT", row[8]);
        AddNote(vesselNotes, "Vessel owner", row[10]);
        if (vesselNotes.Count > 0)
        {
            remarks = string.Join("; ", vesselNotes) + (remarks is null ? string.Empty : "; " + remarks);
        }

        return new Designation
        {
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            SubjectType = type,
            Names = names,
            DatesOfBirth = facts.DatesOfBirth,
            PlacesOfBirth = facts.PlacesOfBirth,
            Nationalities = facts.Nationalities,
            Countries = countries,
            Identifiers = identifiers,
            Addresses = addresses.TryGetValue(id, out var list) ? list : [],
            Programmes = OfacNames.Programmes(Value(row[3])),
            Remarks = TextValue.Clean(remarks),
            Gender = facts.Gender,
            Titles = facts.Titles,
            Positions = Value(row[4]) is { } title ? [title] : [],
        };
    }

    private static Dictionary<int, List<Address>> ReadAddresses(Stream stream, CancellationToken cancellationToken)
    {
        using var csv = new CsvRecordReader(ListTextEncoding.Open(stream, ListTextEncoding.Windows1252), "add.csv");
        var map = new Dictionary<int, List<Address>>();
        while (csv.Read() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Expect(csv, row, 6);
            var address = new Address { Street = Value(row[2]), City = Value(row[3]), Country = Value(row[4]), Note = Value(row[5]) };
            if (address == new Address())
            {
                continue;
            }

            var id = EntNum(csv, row[0]);
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add(address);
        }

        return map;
    }

    private static Dictionary<int, List<(string Type, string Name)>> ReadAliases(Stream stream, CancellationToken cancellationToken)
    {
        using var csv = new CsvRecordReader(ListTextEncoding.Open(stream, ListTextEncoding.Windows1252), "alt.csv");
        var map = new Dictionary<int, List<(string, string)>>();
        while (csv.Read() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Expect(csv, row, 5);
            var id = EntNum(csv, row[0]);
            var type = Value(row[2])?.ToUpperInvariant() ?? "AKA";
            if (type is not ("AKA" or "FKA" or "NKA"))
            {
                throw new ListFormatException(csv.Position, $"unknown alt_type '{row[2].Trim()}' (expected aka, fka or nka)");
            }

            var name = Value(row[3]) ?? throw new ListFormatException(csv.Position, $"alias of ent_num {id} has no alt_name");
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add((type, name));
        }

        return map;
    }

    private static Dictionary<int, string> ReadComments(Stream stream, CancellationToken cancellationToken)
    {
        using var csv = new CsvRecordReader(ListTextEncoding.Open(stream, ListTextEncoding.Windows1252), "sdn_comments.csv");
        var map = new Dictionary<int, string>();
        while (csv.Read() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Expect(csv, row, 2);
            var id = EntNum(csv, row[0]);
            var text = string.Equals(row[1].Trim(), Null, StringComparison.Ordinal) ? string.Empty : row[1];
            map[id] = map.TryGetValue(id, out var existing) ? existing + text : text;
        }

        return map;
    }

    private static void Expect(CsvRecordReader csv, List<string> row, int columns)
    {
        if (row.Count != columns)
        {
            throw new ListFormatException(csv.Position, $"expected {columns} columns, found {row.Count}");
        }
    }

    private static int EntNum(CsvRecordReader csv, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ListFormatException(csv.Position, $"ent_num '{text.Trim()}' is not a number");

    private static string? Value(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length == 0 || string.Equals(trimmed, Null, StringComparison.Ordinal) ? null : TextValue.Clean(trimmed);
    }

    private static void AddNote(List<string> notes, string label, string field)
    {
        if (Value(field) is { } value)
        {
            notes.Add(label + ": " + value);
        }
    }

    private static Stream? Entry(ZipArchive archive, string name, bool required)
    {
        var entry = archive.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return required
                ? throw new ListFormatException("zip archive", $"the archive has no {name} (found: {string.Join(", ", archive.Entries.Select(e => e.FullName))})")
                : null;
        }

        return entry.Open();
    }
}
