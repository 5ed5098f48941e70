namespace Screening.Lists.Parsing;

/// <summary>One element of a record read from an XML list file, with its attributes, children and text.</summary>
internal sealed class XmlElementNode(string name, string path, int line, int column)
{
    private static readonly List<XmlElementNode> NoChildren = [];
    private List<KeyValuePair<string, string>>? _attributes;
    private List<XmlElementNode>? _children;

    public string Name { get; } = name;

    /// <summary>Element path from the root, with 1-based sibling indexes, e.g. <c>/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[3]</c>.</summary>
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string? Text { get; set; }

    public IReadOnlyList<XmlElementNode> Children => _children ?? NoChildren;

    public string Position => Line > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {Line}, column {Column} ({Path})")
        : Path;

    public void AddAttribute(string attributeName, string value) => (_attributes ??= []).Add(new(attributeName, value));

    public void AddChild(XmlElementNode child) => (_children ??= []).Add(child);

    public string? Attribute(string attributeName)
    {
        if (_attributes is null)
        {
            return null;
        }

        foreach (var pair in _attributes)
        {
            if (string.Equals(pair.Key, attributeName, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The attribute, trimmed, or null when absent or blank.</summary>
    public string? CleanAttribute(string attributeName) => TextValue.Clean(Attribute(attributeName));

    public XmlElementNode? Child(string childName)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, childName, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<XmlElementNode> ChildrenNamed(string childName)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, childName, StringComparison.Ordinal))
            {
                yield return child;
            }
        }
    }

    /// <summary>The trimmed text of the first child of that name, or null when absent or blank.</summary>
    public string? ChildText(string childName) => TextValue.Clean(Child(childName)?.Text);

    /// <summary>The trimmed, non-blank texts of every child of that name.</summary>
    public IEnumerable<string> ChildTexts(string childName)
    {
        foreach (var child in ChildrenNamed(childName))
        {
            var text = TextValue.Clean(child.Text);
            if (text is not null)
            {
                yield return text;
            }
        }
    }
}
