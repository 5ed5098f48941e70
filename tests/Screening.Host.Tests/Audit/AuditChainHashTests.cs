using Screening.Grains.Audit;

namespace Screening.Host.Tests.Audit;

/// <summary>
/// Known answers for the chain hashes, computed independently from the format described on
/// <see cref="AuditChainHash"/> (Python hashlib), so a faster implementation cannot silently change the format and
/// break the verification of chains already stored.
/// </summary>
public sealed class AuditChainHashTests
{
    private static readonly AuditRecord Record = new(
        ScreeningId: "0190a8e0-0000-7000-8000-000000000001",
        TenantId: "bank-a",
        ClientReference: "cust-1",
        RequestJson: """{"name":"Ölçek Тест"}""",
        ResponseJson: """{"decision":"DECISION_CLEAR"}""",
        Decision: AuditRecord.Clear,
        ListVersions: "UN/consolidated@3",
        AsOf: new DateOnly(2026, 11, 27),
        ScreenedAt: new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560));

    [Fact]
    public void ContentDigest_KnownRecord_MatchesFormatVersion1()
    {
        Assert.Equal("f4229f2a237c8f416c052a262f51cdf8c6eae10f503df54f4d9002e26eec6e66", AuditChainHash.ToHex(AuditChainHash.ContentDigest(Record)));
    }

    [Fact]
    public void Link_FirstRecordOfTenant_MatchesFormatVersion1()
    {
        var hash = AuditChainHash.Link(AuditChainHash.Genesis, "bank-a", 1, AuditChainHash.ContentDigest(Record));

        Assert.Equal("603a937d2b8a72bfe039863637b8d86c09c93de2bb0ae4bb9bc693665d711dde", AuditChainHash.ToHex(hash));
    }

    [Fact]
    public void ContentDigest_LoneSurrogate_Throws()
    {
        Assert.Throws<System.Text.EncoderFallbackException>(() => AuditChainHash.ContentDigest(Record with { RequestJson = "\ud800" }));
    }
}
