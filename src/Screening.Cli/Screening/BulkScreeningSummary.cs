namespace Screening.Cli.Screening;

/// <summary>Counts of one <c>screen-file</c> run.</summary>
internal sealed class BulkScreeningSummary
{
    public long Screened;
    public long PotentialMatches;
    public long Rejected;
    public long Skipped;

    public TimeSpan Elapsed { get; set; }

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Screened / Elapsed.TotalSeconds : 0;

    public long Clear => Screened - PotentialMatches;
}
