namespace Screening.Lists.Parsing;

/// <summary>A parser for one list format.</summary>
public interface IListParser
{
    /// <summary>The format name: <c>un-xml</c>, <c>ofac-sdn-csv</c>, <c>ofac-sdn-xml</c>, <c>eu-fsf-xml</c>, <c>uk-ofsi-csv</c>, <c>national-json</c>.</summary>
    string FormatName { get; }

    /// <summary>
    /// Reads the header of <paramref name="stream"/> (throwing <see cref="ListFormatException"/> when it is not
    /// this format) and returns the metadata plus a lazy, single-pass sequence of designations, which throws
    /// <see cref="ListFormatException"/> at the first malformed record. The stream is owned by the result.
    /// </summary>
    ParsedList Parse(Stream stream, CancellationToken cancellationToken = default);
}
