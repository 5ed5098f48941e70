using System.Globalization;
using System.Text;
using System.Xml;

namespace Screening.Lists.Parsing;

/// <summary>
/// Streams an XML list file record by record: containers are walked, records are captured into small
/// element trees one at a time, so memory is bounded by the largest record, not the file. Any XML error
/// becomes a <see cref="ListFormatException"/> with line, column and element path.
/// </summary>
internal sealed class XmlRecordReader : IDisposable
{
    /// <summary>Longest text value accepted inside one record.</summary>
    public const int MaxTextLength = 1 << 20;

    /// <summary>Most elements accepted inside one record.</summary>
    public const int MaxElementsPerRecord = 100_000;

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly string _formatDescription;
    private readonly char[] _chunk = new char[4096];
    private readonly List<(string Name, string Path, Dictionary<string, int> ChildCounts)> _stack = [];

    public XmlRecordReader(Stream stream, string formatDescription)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _formatDescription = formatDescription;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
            MaxCharactersFromEntities = 1024,
        };
        _reader = XmlReader.Create(stream, settings);
        _lineInfo = _reader as IXmlLineInfo;
    }

    public string Position => Describe(_stack.Count > 0 ? _stack[^1].Path : "/");

    /// <summary>Moves to the root element and returns it (name and attributes only), or throws when the file is empty or not XML.</summary>
    public XmlElementNode ReadRoot()
    {
        try
        {
            if (!_reader.Read())
            {
                throw new ListFormatException("line 1, column 1", "the file is empty");
            }

            _reader.MoveToContent();
            if (_reader.NodeType != XmlNodeType.Element)
            {
                throw new ListFormatException(Describe("/"), $"expected the root element of {_formatDescription}, found {_reader.NodeType}");
            }

            var root = NewNode("/" + _reader.LocalName);
            _stack.Add((_reader.LocalName, root.Path, new Dictionary<string, int>(StringComparer.Ordinal)));
            return root;
        }
        catch (XmlException ex)
        {
            throw Wrap(ex);
        }
    }

    /// <summary>
    /// Walks the document below the root, asking <paramref name="decide"/> (with the element's local name and
    /// its parent's local name) whether to descend, capture or skip.
    /// </summary>
    public IEnumerable<XmlElementNode> ReadRecords(Func<string, string, XmlRecordAction> decide, CancellationToken cancellationToken)
    {
        if (_stack.Count != 1)
        {
            throw new InvalidOperationException("ReadRoot must be called first.");
        }

        if (_reader.IsEmptyElement)
        {
            yield break;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            XmlElementNode? captured = null;
            var done = false;
            try
            {
                done = !Step(decide, out captured);
            }
            catch (XmlException ex)
            {
                throw Wrap(ex);
            }

            if (captured is not null)
            {
                yield return captured;
            }

            if (done)
            {
                yield break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private bool Step(Func<string, string, XmlRecordAction> decide, out XmlElementNode? captured)
    {
        captured = null;
        if (!_reader.Read())
        {
            if (_stack.Count > 0)
            {
                throw new ListFormatException(Position, "the file ends before its root element is closed (truncated?)");
            }

            return false;
        }

        switch (_reader.NodeType)
        {
            case XmlNodeType.Element:
                var parent = _stack[^1];
                var name = _reader.LocalName;
                var index = parent.ChildCounts.TryGetValue(name, out var n) ? n + 1 : 1;
                parent.ChildCounts[name] = index;
                var path = string.Create(CultureInfo.InvariantCulture, $"{parent.Path}/{name}[{index}]");
                switch (decide(name, parent.Name))
                {
                    case XmlRecordAction.Capture:
                        captured = Capture(path);
                        break;
                    case XmlRecordAction.Descend:
                        if (!_reader.IsEmptyElement)
                        {
                            _stack.Add((name, path, new Dictionary<string, int>(StringComparer.Ordinal)));
                        }

                        break;
                    default:
                        if (!_reader.IsEmptyElement)
                        {
                            var depth = _reader.Depth;
                            while (_reader.Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
                            {
                            }
                        }

                        break;
                }

                return true;
            case XmlNodeType.EndElement:
                _stack.RemoveAt(_stack.Count - 1);
                if (_stack.Count == 0)
                {
                    // Root closed: anything after it but comments/whitespace is an XML error the reader reports.
                    while (_reader.Read())
                    {
                    }

                    return false;
                }

                return true;
            default:
                return true;
        }
    }

    private XmlElementNode Capture(string path)
    {
        var record = NewNode(path);
        if (_reader.IsEmptyElement)
        {
            return record;
        }

        var depth = _reader.Depth;
        var open = new List<XmlElementNode> { record };
        var count = 1;
        while (_reader.Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (++count > MaxElementsPerRecord)
                    {
                        throw new ListFormatException(Describe(path), $"a record holds more than {MaxElementsPerRecord} elements");
                    }

                    var child = NewNode(open[^1].Path + "/" + _reader.LocalName);
                    open[^1].AddChild(child);
                    if (!_reader.IsEmptyElement)
                    {
                        open.Add(child);
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    var node = open[^1];
                    node.Text = (node.Text ?? string.Empty) + ReadBoundedValue(node.Path);
                    break;
                case XmlNodeType.EndElement:
                    open.RemoveAt(open.Count - 1);
                    if (_reader.Depth == depth)
                    {
                        return record;
                    }

                    break;
            }
        }

        throw new ListFormatException(Describe(path), "the file ends inside a record (truncated?)");
    }

    private string ReadBoundedValue(string path)
    {
        if (!_reader.CanReadValueChunk)
        {
            var value = _reader.Value;
            return value.Length > MaxTextLength
                ? throw new ListFormatException(Describe(path), $"a text value is longer than {MaxTextLength} characters")
                : value;
        }

        var builder = new StringBuilder();
        int read;
        while ((read = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (builder.Length + read > MaxTextLength)
            {
                throw new ListFormatException(Describe(path), $"a text value is longer than {MaxTextLength} characters");
            }

            builder.Append(_chunk, 0, read);
        }

        return builder.ToString();
    }

    private XmlElementNode NewNode(string path)
    {
        var node = new XmlElementNode(_reader.LocalName, path, _lineInfo?.LineNumber ?? 0, _lineInfo?.LinePosition ?? 0);
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                node.AddAttribute(_reader.LocalName, _reader.Value);
            }
            while (_reader.MoveToNextAttribute());
            _reader.MoveToElement();
        }

        return node;
    }

    private string Describe(string path) => _lineInfo is { } info && info.HasLineInfo()
        ? string.Create(CultureInfo.InvariantCulture, $"line {info.LineNumber}, column {info.LinePosition} ({path})")
        : path;

    private ListFormatException Wrap(XmlException ex)
    {
        var path = _stack.Count > 0 ? _stack[^1].Path : "/";
        if (ex.LineNumber == 0 && string.Equals(ex.Message, "Root element is missing.", StringComparison.Ordinal))
        {
            return new ListFormatException("line 1, column 1", "the file is empty or has no root element", ex);
        }

        var position = ex.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber}, column {ex.LinePosition} ({path})")
            : Describe(path);
        return new ListFormatException(position, "not well-formed XML: " + ex.Message, ex);
    }
}
