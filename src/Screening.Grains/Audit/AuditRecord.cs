using System.Globalization;

namespace Screening.Grains.Audit;

/// <summary>
/// One screening answer as the audit log keeps it: who asked (tenant), what was asked and answered (the request and
/// response as JSON, exactly as the caller formatted them), the decision, the list versions and as-of date behind
/// it, and when it was answered.
/// </summary>
/// <param name="ScreeningId">Unique id of the answer; also returned to the client: <see cref="NewScreeningId"/> of <paramref name="ScreenedAt"/> (the audit log refuses any other).</param>
/// <param name="TenantId">The tenant that asked.</param>
/// <param name="ClientReference">The caller's reference (may be empty).</param>
/// <param name="RequestJson">The request as JSON (Google.Protobuf <c>JsonFormatter</c> output).</param>
/// <param name="ResponseJson">The response as JSON (Google.Protobuf <c>JsonFormatter</c> output).</param>
/// <param name="Decision"><see cref="Clear"/> or <see cref="PotentialMatch"/>.</param>
/// <param name="ListVersions">The list versions used, e.g. <c>UN/consolidated@3,KZ/terrorist-organisations@5</c>.</param>
/// <param name="AsOf">The date at which designations had to be in force.</param>
/// <param name="ScreenedAt">When the answer was produced (stored with microsecond precision, in UTC).</param>
public sealed record AuditRecord(
    string ScreeningId,
    string TenantId,
    string ClientReference,
    string RequestJson,
    string ResponseJson,
    string Decision,
    string ListVersions,
    DateOnly AsOf,
    DateTimeOffset ScreenedAt)
{
    /// <summary>Decision: nothing in force matched.</summary>
    public const string Clear = "CLEAR";

    /// <summary>Decision: at least one designation in force matched; review required.</summary>
    public const string PotentialMatch = "POTENTIAL_MATCH";

    /// <summary>A new screening id: a version-7 (time-ordered) GUID for <paramref name="at"/>, in its 36-character form.</summary>
    public static string NewScreeningId(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>
    /// The millisecond (UTC) a screening id of <see cref="NewScreeningId"/> was made for, or null when
    /// <paramref name="screeningId"/> is not a version-7 GUID in its 36-character form.
    /// </summary>
    public static DateTimeOffset? MillisecondOf(string? screeningId)
    {
        if (screeningId is not { Length: 36 } || !Guid.TryParseExact(screeningId, "D", out var guid) || guid.Version != 7)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        var unixMs = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        return DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
    }
}
