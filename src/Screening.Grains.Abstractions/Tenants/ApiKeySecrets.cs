using System.Security.Cryptography;
using System.Text;

namespace Screening.Grains.Abstractions.Tenants;

/// <summary>
/// Format and hashing of API key secrets. A secret reads <c>sk_&lt;key id&gt;_&lt;random&gt;</c>: the key id lets a
/// silo find the record without scanning, and only SHA-256 of the whole secret is stored.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "sk_";

    /// <summary>A new key id and secret.</summary>
    public static (string KeyId, string Secret) Generate()
    {
        var keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, $"{Prefix}{keyId}_{random}");
    }

    /// <summary>The key id of a secret in our format, or null.</summary>
    public static string? KeyIdOf(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = secret.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? secret[Prefix.Length..end] : null;
    }

    /// <summary>Hex SHA-256 of a secret.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
