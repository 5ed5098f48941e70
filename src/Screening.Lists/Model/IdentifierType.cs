namespace Screening.Lists.Model;

/// <summary>Kinds of identifiers, normalised across sources; the source's own label stays in <see cref="Identifier.Label"/>.</summary>
public enum IdentifierType
{
    Other = 0,
    Passport,
    NationalId,
    Registration,
    TaxId,
    Imo,
    CryptoAddress,
    SwiftBic,
    Email,
    Website,
    Phone,
    CallSign,
    AircraftSerial,
    DrivingLicence,
    SocialSecurity,
}
