using System.Globalization;
using System.Text;

namespace Screening.Lists.Parsing;

/// <summary>
/// Reads RFC 4180-style CSV records (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) from
/// a text reader, tracking the line each record starts on. A trailing 0x1A (DOS end-of-file) is ignored.
/// Memory is bounded: a record longer than <see cref="MaxRecordLength"/> characters, or a control character
/// that text files do not contain, is a <see cref="ListFormatException"/>.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string fileName, char separator = ',') : IDisposable
{
    public const int MaxRecordLength = 1 << 20;

    private readonly StringBuilder _field = new();
    private int _line = 1;
    private int _peeked = -2;

    /// <summary>The line the last record read started on (1-based).</summary>
    public int RecordLine { get; private set; }

    public string FileName => fileName;

    public string Position => string.Create(CultureInfo.InvariantCulture, $"{fileName} line {RecordLine}");

    /// <summary>Reads the next record, or returns null at the end of the file. Blank lines are skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            RecordLine = _line;
            var fields = new List<string>();
            var length = 0;
            var inQuotes = false;
            var quotedField = false;
            _field.Clear();
            var c = Next();
            if (c == -1)
            {
                return null;
            }

            if (c is '\r' or '\n')
            {
                ConsumeLineEnd(c);
                continue;
            }

            while (true)
            {
                if (++length > MaxRecordLength)
                {
                    throw new ListFormatException(Position, $"a record is longer than {MaxRecordLength} characters (not a CSV file?)");
                }

                if (inQuotes)
                {
                    if (c == -1)
                    {
                        throw new ListFormatException(Position, "the file ends inside a quoted field (truncated?)");
                    }

                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            _line++;
                        }

                        Check(c);
                        _field.Append((char)c);
                    }
                }
                else if (c == '"' && !quotedField && _field.ToString().Trim().Length == 0)
                {
                    inQuotes = true;
                    quotedField = true;
                    _field.Clear();
                }
                else if (c == separator)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    quotedField = false;
                }
                else if (c is '\r' or '\n' or -1)
                {
                    fields.Add(_field.ToString());
                    if (c != -1)
                    {
                        ConsumeLineEnd(c);
                    }

                    return fields;
                }
                else
                {
                    Check(c);
                    _field.Append((char)c);
                }

                c = Next();
            }
        }
    }

    public void Dispose() => reader.Dispose();

    private void Check(int c)
    {
        if (c < 0x20 && c is not '\t' and not '\r' and not '\n')
        {
            throw new ListFormatException(Position, string.Create(
                CultureInfo.InvariantCulture,
                $"control character U+{c:X4} in the text: not a text CSV file, or the wrong encoding (UTF-16?)"));
        }
    }

    private void ConsumeLineEnd(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        _line++;
    }

    private int Next()
    {
        int c;
        if (_peeked != -2)
        {
            c = _peeked;
            _peeked = -2;
        }
        else
        {
            c = reader.Read();
        }

        // DOS end-of-file marker, found at the end of OFAC's files.
        if (c == 0x1A)
        {
            while (reader.Read() is var rest && rest != -1)
            {
                if (rest is not ('\r' or '\n' or 0x1A))
                {
                    throw new ListFormatException(Position, "data after the end-of-file marker (0x1A)");
                }
            }

            return -1;
        }

        return c;
    }

    private int Peek()
    {
        if (_peeked == -2)
        {
            _peeked = reader.Read();
        }

        return _peeked == 0x1A ? -1 : _peeked;
    }
}
