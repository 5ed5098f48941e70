namespace Screening.Host.Options;

/// <summary>Where a started host listens.</summary>
public sealed record PlatformEndpoints(Uri Grpc, Uri Http);
