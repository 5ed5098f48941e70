namespace Screening.Cli.Monitoring;

/// <summary>Outcome of <c>customers upload</c>: records sent, accepted by the server, and every rejected row in file order.</summary>
internal sealed record CustomerUploadSummary(int Sent, int Accepted, IReadOnlyList<CustomerUploadReject> Rejects, TimeSpan Elapsed);
