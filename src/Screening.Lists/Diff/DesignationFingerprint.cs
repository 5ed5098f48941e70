using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Screening.Lists.Model;

namespace Screening.Lists.Diff;

/// <summary>
/// The canonical content fingerprint of a designation: SHA-256 over a canonical text of every content field
/// (everything but the source id), with collections sorted so that reordering is not a change, plus a short
/// hash per field so that a diff can say which fields changed without the previous content.
/// </summary>
public sealed record DesignationFingerprint(string Value, ValueArray<ulong> FieldHashes)
{
    private const char Unit = '\u001F';
    private const char Record = '\u001E';

    /// <summary>Computes the fingerprint of <paramref name="designation"/>. Deterministic across processes and cultures.</summary>
    public static DesignationFingerprint Compute(Designation designation)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var fields = CanonicalFields(designation);
        var hashes = new ulong[fields.Length];
        using var overall = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < fields.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(fields[i]);
            SHA256.HashData(bytes, digest);
            hashes[i] = BinaryPrimitives.ReadUInt64BigEndian(digest);
            overall.AppendData(Encoding.UTF8.GetBytes(DesignationField.All[i]));
            overall.AppendData([0x1D]);
            overall.AppendData(bytes);
            overall.AppendData([0x1C]);
        }

        return new DesignationFingerprint(Convert.ToHexStringLower(overall.GetHashAndReset()), hashes);
    }

    /// <summary>The names of the fields whose content differs between this and <paramref name="other"/>.</summary>
    public ValueArray<string> ChangedFields(DesignationFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (string.Equals(Value, other.Value, StringComparison.Ordinal))
        {
            return ValueArray<string>.Empty;
        }

        var changed = new List<string>();
        for (var i = 0; i < DesignationField.All.Count; i++)
        {
            if (i >= FieldHashes.Count || i >= other.FieldHashes.Count || FieldHashes[i] != other.FieldHashes[i])
            {
                changed.Add(DesignationField.All[i]);
            }
        }

        return changed;
    }

    private static string[] CanonicalFields(Designation d) =>
    [
        d.SubjectType.ToString(),
        Set(d.Names, n => Join(n.FullName, n.Quality.ToString(), n.Script, n.Language, string.Join('+', n.Parts.Select(p => p.Type + ":" + p.Value)))),
        Set(d.DatesOfBirth, b => Join(b.Kind.ToString(), b.Value.ToString(), b.To?.ToString())),
        Set(d.PlacesOfBirth, p => Join(p.City, p.Region, p.Country, p.Text)),
        Set(d.Nationalities, s => s),
        Set(d.Countries, s => s),
        Set(d.Identifiers, i => Join(i.Type.ToString(), i.Value, i.Label, i.Country, i.Note)),
        Set(d.Addresses, a => Join(a.Street, a.City, a.Region, a.PostalCode, a.Country, a.Note)),
        Set(d.Programmes, s => s),
        d.LegalBasis ?? string.Empty,
        d.Remarks ?? string.Empty,
        d.Gender ?? string.Empty,
        Set(d.Titles, s => s),
        Set(d.Positions, s => s),
        d.ListedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
    ];

    private static string Set<T>(ValueArray<T> items, Func<T, string> canonical)
    {
        if (items.Count == 0)
        {
            return string.Empty;
        }

        var values = new string[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = canonical(items[i]);
        }

        Array.Sort(values, StringComparer.Ordinal);
        return string.Join(Record, values);
    }

    private static string Join(params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part is null ? "\0" : part).Append(Unit);
        }

        return builder.ToString();
    }
}
