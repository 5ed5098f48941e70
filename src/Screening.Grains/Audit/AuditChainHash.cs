using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Screening.Grains.Audit;

/// <summary>
/// The hashes of the tenant chains. A record's content digest is SHA-256 over a canonical encoding of its fields:
/// the tag <c>screening-audit/v1</c>, then each field as a 4-byte big-endian length and its strict UTF-8 bytes, in
/// the order screening id, tenant, client reference, decision, list versions, as-of (<c>yyyy-MM-dd</c>),
/// screened-at (microseconds since the Unix epoch, UTC, as decimal text), request JSON, response JSON.
/// Its chain hash is SHA-256 over previous hash (32 bytes), tenant (length + UTF-8), sequence (8 bytes big-endian)
/// and content digest. Changing any of this is a new version tag: stored chains must keep verifying.
/// </summary>
public static class AuditChainHash
{
    /// <summary>Size of every hash, in bytes.</summary>
    public const int Size = 32;

    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("screening-audit/v1");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The previous hash of a tenant's first record: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[Size];

    /// <summary>
    /// SHA-256 over the canonical content of <paramref name="record"/>, whose <see cref="AuditRecord.ScreenedAt"/> must
    /// already be in UTC with microsecond precision. Throws <see cref="EncoderFallbackException"/> for text that is not
    /// valid UTF-16 (a lone surrogate).
    /// </summary>
    public static byte[] ContentDigest(AuditRecord record)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Tag);
        AppendText(hash, record.ScreeningId);
        AppendText(hash, record.TenantId);
        AppendText(hash, record.ClientReference);
        AppendText(hash, record.Decision);
        AppendText(hash, record.ListVersions);
        AppendText(hash, record.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AppendText(hash, ToUnixMicroseconds(record.ScreenedAt).ToString(CultureInfo.InvariantCulture));
        AppendText(hash, record.RequestJson);
        AppendText(hash, record.ResponseJson);
        return hash.GetHashAndReset();
    }

    /// <summary>The chain hash of the record with <paramref name="contentDigest"/> at <paramref name="sequence"/> after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, string tenantId, long sequence, ReadOnlySpan<byte> contentDigest)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        AppendText(hash, tenantId);
        Span<byte> seq = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(seq, sequence);
        hash.AppendData(seq);
        hash.AppendData(contentDigest);
        return hash.GetHashAndReset();
    }

    /// <summary><paramref name="at"/> in UTC, truncated to the microsecond (what PostgreSQL <c>timestamptz</c> keeps).</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <summary>Lower-case hex.</summary>
    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    private static long ToUnixMicroseconds(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static void AppendText(IncrementalHash hash, string text)
    {
        var length = StrictUtf8.GetByteCount(text);
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        hash.AppendData(prefix);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var written = StrictUtf8.GetBytes(text, buffer);
            hash.AppendData(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
