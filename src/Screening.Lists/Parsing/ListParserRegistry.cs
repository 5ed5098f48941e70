using System.Collections.Frozen;

namespace Screening.Lists.Parsing;

/// <summary>Resolves a format name to its parser.</summary>
public sealed class ListParserRegistry
{
    private readonly FrozenDictionary<string, IListParser> _parsers;

    public ListParserRegistry(IEnumerable<IListParser> parsers)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        _parsers = parsers.ToFrozenDictionary(p => p.FormatName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The registry of every built-in parser.</summary>
    public static ListParserRegistry Default { get; } = new(
    [
        new UnConsolidatedListParser(),
        new OfacSdnCsvParser(),
        new OfacSdnXmlParser(),
        new EuFinancialSanctionsXmlParser(),
        new UkOfsiConListCsvParser(),
        new NationalJsonListParser(),
    ]);

    /// <summary>The known format names, sorted.</summary>
    public IReadOnlyList<string> FormatNames => [.. _parsers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns the parser for <paramref name="formatName"/>, or throws <see cref="ListFormatException"/> naming the known formats.</summary>
    public IListParser Resolve(string formatName)
    {
        if (formatName is not null && _parsers.TryGetValue(formatName.Trim(), out var parser))
        {
            return parser;
        }

        throw new ListFormatException("format name", $"unknown list format '{formatName}'; known formats: {string.Join(", ", FormatNames)}");
    }
}
