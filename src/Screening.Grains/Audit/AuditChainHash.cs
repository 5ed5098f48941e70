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
        // The whole canonical encoding in one pooled buffer and one SHA-256 call: cheaper than an incremental hash
        // (a native context per record and one call per field) on the audit path, which runs for every answer.
        string[] fields =
        [
            record.ScreeningId,
            record.TenantId,
            record.ClientReference,
            record.Decision,
            record.ListVersions,
            record.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ToUnixMicroseconds(record.ScreenedAt).ToString(CultureInfo.InvariantCulture),
            record.RequestJson,
            record.ResponseJson,
        ];
        var length = Tag.Length;
        foreach (var field in fields)
        {
            length += 4 + StrictUtf8.GetByteCount(field);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Tag.CopyTo(buffer, 0);
            var written = Tag.Length;
            foreach (var field in fields)
            {
                written += WriteText(buffer.AsSpan(written), field);
            }

            return SHA256.HashData(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The chain hash of the record with <paramref name="contentDigest"/> at <paramref name="sequence"/> after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, string tenantId, long sequence, ReadOnlySpan<byte> contentDigest)
    {
        var length = previous.Length + 4 + StrictUtf8.GetByteCount(tenantId) + 8 + contentDigest.Length;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            previous.CopyTo(buffer);
            var written = previous.Length;
            written += WriteText(buffer[written..], tenantId);
            BinaryPrimitives.WriteInt64BigEndian(buffer[written..], sequence);
            written += 8;
            contentDigest.CopyTo(buffer[written..]);
            written += contentDigest.Length;
            return SHA256.HashData(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
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

    /// <summary>Writes a 4-byte big-endian length and the strict UTF-8 bytes of <paramref name="text"/>; returns the bytes written.</summary>
    private static int WriteText(Span<byte> destination, string text)
    {
        var written = StrictUtf8.GetBytes(text, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, written);
        return 4 + written;
    }
}
