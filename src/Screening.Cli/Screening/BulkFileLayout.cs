using System.Globalization;
using Screening.Cli.Csv;
using Screening.Contracts.V1;

namespace Screening.Cli.Screening;

/// <summary>
/// The columns of a bulk screening file, read from its header: <c>name</c> (required; several names separated by
/// '|'), and optional <c>reference</c>, <c>dob</c>, <c>country</c>, <c>type</c> ('|' separates several dates or
/// countries). Turns each line into a request or a reason the row is broken.
/// </summary>
internal sealed class BulkFileLayout
{
    public static readonly string[] KnownColumns = ["name", "reference", "dob", "country", "type"];

    private readonly int _name;
    private readonly int _reference;
    private readonly int _dob;
    private readonly int _country;
    private readonly int _type;
    private readonly int _fieldCount;
    private readonly List<string> _fields = [];

    private BulkFileLayout(Dictionary<string, int> columns, int fieldCount, char delimiter)
    {
        _name = columns["name"];
        _reference = columns.GetValueOrDefault("reference", -1);
        _dob = columns.GetValueOrDefault("dob", -1);
        _country = columns.GetValueOrDefault("country", -1);
        _type = columns.GetValueOrDefault("type", -1);
        _fieldCount = fieldCount;
        Delimiter = delimiter;
    }

    public char Delimiter { get; }

    /// <summary>Whether the header has a <c>reference</c> column.</summary>
    public bool HasReference => _reference >= 0;

    /// <summary>Columns that were ignored (with --ignore-unknown-columns).</summary>
    public IReadOnlyList<string> Ignored { get; private init; } = [];

    /// <summary>Reads the header; an unknown, duplicate or missing column is a usage error naming it.</summary>
    public static BulkFileLayout FromHeader(string? header, string fileName, char delimiter, bool ignoreUnknown)
    {
        if (header is null || header.Trim().Length == 0)
        {
            throw new CliException(ExitCodes.Usage, $"{fileName}: empty file; the first line must be a header with at least a 'name' column");
        }

        var fields = new List<string>();
        if (!CsvLine.TrySplit(header.TrimStart('\uFEFF'), delimiter, fields, out var error))
        {
            throw new CliException(ExitCodes.Usage, $"{fileName}: header (line 1): {error}");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim().ToLowerInvariant();
            if (!KnownColumns.Contains(name))
            {
                if (!ignoreUnknown)
                {
                    throw new CliException(ExitCodes.Usage,
                        $"{fileName}: unknown column '{fields[i]}' (known: {string.Join(", ", KnownColumns)}); remove it or pass --ignore-unknown-columns");
                }

                ignored.Add(fields[i]);
                continue;
            }

            if (!columns.TryAdd(name, i))
            {
                throw new CliException(ExitCodes.Usage, $"{fileName}: column '{name}' appears twice in the header");
            }
        }

        if (!columns.ContainsKey("name"))
        {
            throw new CliException(ExitCodes.Usage, $"{fileName}: no 'name' column in the header (columns: {string.Join(", ", fields)})");
        }

        return new BulkFileLayout(columns, fields.Count, delimiter) { Ignored = ignored };
    }

    /// <summary>Parses one data line; false with the reason when the row is broken.</summary>
    public bool TryParse(string text, long line, string asOf, double minScore, out ScreeningRow row, out string reason)
    {
        row = null!;
        if (!CsvLine.TrySplit(text, Delimiter, _fields, out reason))
        {
            return false;
        }

        if (_fields.Count != _fieldCount)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{_fields.Count} fields, the header has {_fieldCount}");
            return false;
        }

        var subject = new Subject();
        subject.Names.AddRange(Split(_fields[_name]));
        if (!SubjectFields.TryCheckNames(subject.Names, out reason))
        {
            return false;
        }

        foreach (var d in _dob < 0 ? [] : Split(_fields[_dob]))
        {
            if (!SubjectFields.TryParseDate(d, out var date, out reason))
            {
                return false;
            }

            subject.BirthDates.Add(date);
        }

        foreach (var c in _country < 0 ? [] : Split(_fields[_country]))
        {
            if (!SubjectFields.TryParseCountry(c, out var code, out reason))
            {
                return false;
            }

            subject.Countries.Add(code);
        }

        if (_type >= 0)
        {
            if (!SubjectFields.TryParseType(_fields[_type], out var type, out reason))
            {
                return false;
            }

            subject.Type = type;
        }

        var reference = _reference < 0 ? string.Empty : _fields[_reference].Trim();
        if (reference.Length > SubjectFields.MaxReferenceLength)
        {
            reason = $"reference is longer than {SubjectFields.MaxReferenceLength} characters";
            return false;
        }

        var request = new ScreenRequest
        {
            Subject = subject,
            ClientReference = reference.Length > 0 ? reference : "line-" + line.ToString(CultureInfo.InvariantCulture),
            AsOf = asOf,
            MinScore = minScore,
        };
        row = new ScreeningRow(line, reference, request);
        return true;
    }

    private static string[] Split(string value) => value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
