using System.Globalization;
using System.Text.RegularExpressions;
using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// Parses the UK OFSI consolidated list CSV ("ConList"): Windows-1252, line 1 "Last Updated,dd/MM/yyyy",
/// line 2 the header, then one row per name, grouped into designations by Group ID. The file is sorted by
/// name, not by group, so rows are gathered by group before designations are yielded: memory is proportional
/// to the designations (what the caller keeps anyway), each row is bounded, and rows are read one at a time.
/// </summary>
public sealed partial class UkOfsiConListCsvParser : IListParser
{
    public const string Format = "uk-ofsi-csv";

    private static readonly string[] RequiredColumns =
    [
        "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "DOB", "Town of Birth", "Country of Birth",
        "Nationality", "Passport Details", "NI Number", "Position", "Address 1", "Address 2", "Address 3", "Address 4",
        "Address 5", "Address 6", "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type", "Regime",
        "Listed On", "Group ID",
    ];

    public string FormatName => Format;

    public ParsedList Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var csv = new CsvRecordReader(ListTextEncoding.Open(stream, ListTextEncoding.Windows1252), "ConList.csv");
        try
        {
            var first = csv.Read() ?? throw new ListFormatException("ConList.csv line 1", "the file is empty");
            if (first.Count < 2 || !string.Equals(first[0].Trim(), "Last Updated", StringComparison.OrdinalIgnoreCase))
            {
                throw new ListFormatException(csv.Position, $"expected 'Last Updated,dd/MM/yyyy' (OFSI ConList CSV), found '{string.Join(",", first.Take(3))}'");
            }

            var updated = ParseDate(first[1], csv) ?? throw new ListFormatException(csv.Position, $"Last Updated '{first[1]}' is not dd/MM/yyyy");
            var header = csv.Read() ?? throw new ListFormatException(csv.Position, "the file ends before the header line");
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i].Trim(), i);
            }

            var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ListFormatException(csv.Position, $"the header lacks the columns {string.Join(", ", missing)}");
            }

            var metadata = new ListMetadata
            {
                FormatName = Format,
                PublicationDate = new DateOnly(updated.Year, updated.Month!.Value, updated.Day!.Value),
                Title = "UK OFSI Consolidated List of Financial Sanctions Targets",
            };
            return new ParsedList(metadata, Read(csv, columns, header.Count, cancellationToken), csv);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    private static IEnumerable<Designation> Read(CsvRecordReader csv, Dictionary<string, int> columns, int width, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        var order = new List<GroupBuilder>();
        while (csv.Read() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Count != width)
            {
                throw new ListFormatException(csv.Position, $"expected {width} columns, found {row.Count}");
            }

            string? Get(string column) => TextValue.Clean(row[columns[column]]);
            var groupId = Get("Group ID") ?? throw new ListFormatException(csv.Position, "the row has no Group ID");
            if (!groups.TryGetValue(groupId, out var group))
            {
                group = new GroupBuilder(groupId, csv.Position);
                groups[groupId] = group;
                order.Add(group);
            }

            group.Add(Get, csv);
        }

        foreach (var group in order)
        {
            yield return group.Build();
        }
    }

    private static PartialDate? ParseDate(string text, CsvRecordReader csv)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var match = UkDate().Match(text);
        if (!match.Success)
        {
            throw new ListFormatException(csv.Position, $"'{text}' is not a date (dd/MM/yyyy)");
        }

        var day = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (year == 0)
        {
            return null;
        }

        if (month == 0)
        {
            return new PartialDate(year);
        }

        if (month > 12 || (day > 0 && !DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            throw new ListFormatException(csv.Position, $"'{text}' is not a valid date");
        }

        return day == 0 ? new PartialDate(year, month) : new PartialDate(year, month, day);
    }

    /// <summary>Splits OFSI's numbered multi-values "(1) Tripoli (2) Tunis".</summary>
    private static IEnumerable<string> Numbered(string? text)
    {
        if (text is null)
        {
            yield break;
        }

        var parts = NumberedItem().Split(text);
        foreach (var part in parts)
        {
            if (TextValue.Clean(part) is { } value)
            {
                yield return value;
            }
        }
    }

    [GeneratedRegex(@"^(\d{2})/(\d{2})/(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex UkDate();

    [GeneratedRegex(@"\(\d+\)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    /// <summary>Gathers the rows of one group into a designation.</summary>
    private sealed class GroupBuilder(string groupId, string position)
    {
        private readonly List<DesignationName> _names = [];
        private readonly List<BirthDate> _dates = [];
        private readonly List<PlaceOfBirth> _places = [];
        private readonly List<string> _nationalities = [];
        private readonly List<Identifier> _identifiers = [];
        private readonly List<Address> _addresses = [];
        private readonly List<string> _programmes = [];
        private readonly List<string> _titles = [];
        private readonly List<string> _positions = [];
        private readonly List<string> _remarks = [];
        private SubjectType _type;
        private DateOnly? _listedOn;

        public void Add(Func<string, string?> get, CsvRecordReader csv)
        {
            var type = get("Group Type")?.ToUpperInvariant() switch
            {
                "INDIVIDUAL" => SubjectType.Individual,
                "ENTITY" => SubjectType.Entity,
                "SHIP" or "VESSEL" => SubjectType.Vessel,
                var other => throw new ListFormatException(csv.Position, $"unknown Group Type '{other}' (expected Individual, Entity or Ship)"),
            };
            if (_type != SubjectType.Unknown && _type != type)
            {
                throw new ListFormatException(csv.Position, $"group {groupId} is both {_type} and {type}");
            }

            _type = type;
            var parts = new List<NamePart>();
            for (var i = 1; i <= 5; i++)
            {
                if (get("Name " + i.ToString(CultureInfo.InvariantCulture)) is { } part)
                {
                    parts.Add(new NamePart(i == 1 ? NamePartType.Given : NamePartType.Middle, part));
                }
            }

            if (get("Name 6") is { } family)
            {
                parts.Add(new NamePart(type == SubjectType.Individual ? NamePartType.Family : NamePartType.Unspecified, family));
            }

            if (parts.Count == 0)
            {
                throw new ListFormatException(csv.Position, $"group {groupId}: the row has no name");
            }

            var quality = get("Alias Type")?.ToUpperInvariant() switch
            {
                "PRIME ALIAS" => NameQuality.Primary,
                "FKA" => NameQuality.FormerName,
                _ => NameQuality.StrongAlias,
            };
            var name = DesignationName.Create(string.Join(' ', parts.Select(p => p.Value)), quality, parts);
            if (!_names.Contains(name))
            {
                if (quality == NameQuality.Primary)
                {
                    _names.Insert(_names.Count(n => n.Quality == NameQuality.Primary), name);
                }
                else
                {
                    _names.Add(name);
                }
            }

            if (ParseDate(get("DOB") ?? string.Empty, csv) is { } dob)
            {
                AddDistinct(_dates, BirthDate.Of(dob));
            }

            var towns = Numbered(get("Town of Birth")).ToList();
            var countries = Numbered(get("Country of Birth")).ToList();
            for (var i = 0; i < Math.Max(towns.Count, countries.Count); i++)
            {
                AddDistinct(_places, new PlaceOfBirth(i < towns.Count ? towns[i] : null, null, i < countries.Count ? countries[i] : null));
            }

            foreach (var nationality in Numbered(get("Nationality")))
            {
                AddDistinct(_nationalities, nationality);
            }

            if (get("Passport Details") is { } passport)
            {
                AddDistinct(_identifiers, new Identifier { Type = IdentifierType.Passport, Value = passport, Label = "Passport Details" });
            }

            if (get("NI Number") is { } ni)
            {
                AddDistinct(_identifiers, new Identifier { Type = IdentifierType.NationalId, Value = ni, Label = "NI Number" });
            }

            var lines = new List<string>();
            for (var i = 1; i <= 5; i++)
            {
                if (get("Address " + i.ToString(CultureInfo.InvariantCulture)) is { } line)
                {
                    lines.Add(line);
                }
            }

            var address = new Address
            {
                Street = lines.Count > 0 ? string.Join(", ", lines) : null,
                City = get("Address 6"),
                PostalCode = get("Post/Zip Code"),
                Country = get("Country"),
            };
            if (address != new Address())
            {
                AddDistinct(_addresses, address);
            }

            AddDistinct(_programmes, get("Regime"));
            AddDistinct(_titles, get("Title"));
            AddDistinct(_positions, get("Position"));
            AddDistinct(_remarks, get("Other Information"));
            if (ParseDate(get("Listed On") ?? string.Empty, csv) is { Month: not null, Day: not null } listed)
            {
                var date = new DateOnly(listed.Year, listed.Month.Value, listed.Day.Value);
                _listedOn = _listedOn is null || date < _listedOn ? date : _listedOn;
            }
        }

        public Designation Build() => _names.Count == 0
            ? throw new ListFormatException(position, $"group {groupId} has no name")
            : new Designation
            {
                SourceId = groupId,
                SubjectType = _type,
                Names = _names,
                DatesOfBirth = _dates,
                PlacesOfBirth = _places,
                Nationalities = _nationalities,
                Identifiers = _identifiers,
                Addresses = _addresses,
                Programmes = _programmes,
                Remarks = _remarks.Count == 0 ? null : string.Join(" ", _remarks),
                Titles = _titles,
                Positions = _positions,
                ListedOn = _listedOn,
            };

        private static void AddDistinct<T>(List<T> list, T? value)
        {
            if (value is not null && !list.Contains(value))
            {
                list.Add(value);
            }
        }
    }
}
