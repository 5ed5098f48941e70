using System.Text;

namespace Screening.Lists.Parsing;

/// <summary>Text encodings of list files.</summary>
internal static class ListTextEncoding
{
    /// <summary>Windows-1252, the encoding of OFAC's and OFSI's CSV files (from the code-pages provider of the shared framework).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>A reader that decodes Windows-1252 unless the stream starts with a UTF-8 or UTF-16 byte-order mark.</summary>
    public static StreamReader Open(Stream stream, Encoding fallback) =>
        new(stream, fallback, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: false);
}
