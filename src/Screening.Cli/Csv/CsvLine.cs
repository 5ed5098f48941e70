using System.Text;

namespace Screening.Cli.Csv;

/// <summary>
/// Splits one line of CSV (RFC 4180 quoting, <c>""</c> inside quotes). Records are single lines: a quoted field
/// that does not close on its line is a broken row, so one bad quote cannot swallow the rest of a file.
/// </summary>
internal static class CsvLine
{
    public static bool TrySplit(string line, char delimiter, List<string> fields, out string error)
    {
        fields.Clear();
        error = string.Empty;
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = $"unterminated quoted field (field {fields.Count + 1})";
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != delimiter)
                {
                    error = $"text after a closing quote (field {fields.Count + 1})";
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != delimiter)
                {
                    if (line[i] == '"')
                    {
                        error = $"quote inside an unquoted field (field {fields.Count + 1})";
                        return false;
                    }

                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return true;
            }

            i++; // the delimiter
        }
    }

    /// <summary>Quotes a field when it needs it.</summary>
    public static string Escape(string value, char delimiter = ',')
    {
        var needs = value.Length > 0 && (value.Contains(delimiter) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Join(IEnumerable<string> values, char delimiter = ',') => string.Join(delimiter, values.Select(v => Escape(v, delimiter)));
}
