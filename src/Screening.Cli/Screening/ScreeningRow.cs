using Screening.Contracts.V1;

namespace Screening.Cli.Screening;

/// <summary>One valid row of a bulk file: its line number, the caller's reference and the request to send.</summary>
internal sealed record ScreeningRow(long Line, string Reference, ScreenRequest Request)
{
    /// <summary>The client reference sent: the row's reference, else <c>line-N</c>.</summary>
    public string ClientReference => Request.ClientReference;
}
