using Grpc.Core;

namespace Screening.LoadTests.Setup;

/// <summary>A tenant the generator created, its screening key's headers and the jurisdictions it subscribes to.</summary>
public sealed record TenantAccess(string TenantId, Metadata Headers, IReadOnlySet<string> Jurisdictions);
