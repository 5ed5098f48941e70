using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>Maps a source's label for an identifier to an <see cref="IdentifierType"/>.</summary>
internal static class IdentifierClassifier
{
    private static readonly (string Needle, IdentifierType Type)[] Rules =
    [
        ("digital currency address", IdentifierType.CryptoAddress),
        ("passport", IdentifierType.Passport),
        ("pasaporte", IdentifierType.Passport),
        ("passeport", IdentifierType.Passport),
        ("imo", IdentifierType.Imo),
        ("swift", IdentifierType.SwiftBic),
        ("bic", IdentifierType.SwiftBic),
        ("email", IdentifierType.Email),
        ("website", IdentifierType.Website),
        ("phone", IdentifierType.Phone),
        ("fax", IdentifierType.Phone),
        ("call sign", IdentifierType.CallSign),
        ("aircraft", IdentifierType.AircraftSerial),
        ("driver", IdentifierType.DrivingLicence),
        ("driving", IdentifierType.DrivingLicence),
        ("ssn", IdentifierType.SocialSecurity),
        ("social security", IdentifierType.SocialSecurity),
        ("tax", IdentifierType.TaxId),
        ("inn", IdentifierType.TaxId),
        ("vat", IdentifierType.TaxId),
        ("national id", IdentifierType.NationalId),
        ("national identification", IdentifierType.NationalId),
        ("identity card", IdentifierType.NationalId),
        ("identification number", IdentifierType.NationalId),
        ("cedula", IdentifierType.NationalId),
        ("nit", IdentifierType.TaxId),
        ("registration", IdentifierType.Registration),
        ("company number", IdentifierType.Registration),
        ("uscc", IdentifierType.Registration),
    ];

    public static IdentifierType Classify(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return IdentifierType.Other;
        }

        foreach (var (needle, type) in Rules)
        {
            if (ContainsWord(label, needle))
            {
                return type;
            }
        }

        return IdentifierType.Other;
    }

    private static bool ContainsWord(string text, string needle)
    {
        var start = 0;
        while (true)
        {
            var i = text.IndexOf(needle, start, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            var before = i == 0 || !char.IsLetter(text[i - 1]);
            var end = i + needle.Length;
            var after = end >= text.Length || !char.IsLetter(text[end]);
            if (before && after)
            {
                return true;
            }

            start = i + 1;
        }
    }
}
