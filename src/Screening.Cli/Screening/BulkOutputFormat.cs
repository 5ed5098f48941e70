namespace Screening.Cli.Screening;

/// <summary>Format of the results file of <c>screen-file</c>.</summary>
internal enum BulkOutputFormat
{
    /// <summary>CSV with a header, one line per screened row.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per screened row (appendable, so resumable).</summary>
    JsonLines,
}
