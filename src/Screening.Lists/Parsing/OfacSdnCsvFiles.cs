namespace Screening.Lists.Parsing;

/// <summary>The four files of OFAC's classic SDN CSV set, as separate streams (owned by the parse).</summary>
/// <param name="Sdn">sdn.csv: one row per designation.</param>
/// <param name="Addresses">add.csv: addresses.</param>
/// <param name="Aliases">alt.csv: aliases.</param>
/// <param name="Comments">sdn_comments.csv: continuations of long remarks (optional).</param>
public sealed record OfacSdnCsvFiles(Stream Sdn, Stream Addresses, Stream Aliases, Stream? Comments = null);
