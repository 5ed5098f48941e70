using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>A whole national-json document: its metadata and every entry with its stated revisions.</summary>
public sealed record NationalListDocument(ListMetadata Metadata, ValueArray<NationalListEntry> Entries)
{
    /// <summary>The list the document declares, e.g. <c>KZ/terrorist-organisations</c>.</summary>
    public ListId ListId => ListId.Parse(Metadata.SourceList!);
}
