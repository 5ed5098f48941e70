using Screening.Grains.Audit;

namespace Screening.Host.Tests.Audit;

/// <summary>Builds audit records for tests.</summary>
public static class AuditRecords
{
    public static AuditRecord For(
        string tenantId,
        DateTimeOffset screenedAt,
        string decision = AuditRecord.Clear,
        string clientReference = "cust-1",
        string listVersions = "UN/consolidated@3,KZ/terrorist-organisations@5") =>
        new(
            ScreeningId: AuditRecord.NewScreeningId(screenedAt),
            TenantId: tenantId,
            ClientReference: clientReference,
            RequestJson: $$"""{ "subject": { "names": [ "Taliban" ] }, "clientReference": "{{clientReference}}" }""",
            ResponseJson: $$"""{ "decision": "DECISION_{{decision}}", "clientReference": "{{clientReference}}" }""",
            Decision: decision,
            ListVersions: listVersions,
            AsOf: DateOnly.FromDateTime(screenedAt.UtcDateTime),
            ScreenedAt: screenedAt);
}
