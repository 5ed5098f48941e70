namespace Screening.Cli.Monitoring;

/// <summary>
/// A row of a customer file that was not accepted: its line in the file, its position in the uploaded stream when
/// the server rejected it (null when the client did), the customer id and the reason.
/// </summary>
internal sealed record CustomerUploadReject(long Row, int? StreamIndex, string CustomerId, string Reason);
