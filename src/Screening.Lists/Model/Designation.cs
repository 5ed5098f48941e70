namespace Screening.Lists.Model;

/// <summary>
/// One designated subject on one list, as the source publishes it. Immutable, with value equality;
/// its canonical content fingerprint is <c>DesignationFingerprint.Compute</c> (namespace <c>Screening.Lists.Diff</c>).
/// </summary>
public sealed record Designation
{
    /// <summary>The source's stable id (UN reference number, OFAC ent_num, EU logicalId, OFSI group id ...).</summary>
    public required string SourceId { get; init; }

    public required SubjectType SubjectType { get; init; }

    /// <summary>All names; the first is the primary name.</summary>
    public ValueArray<DesignationName> Names { get; init; }

    public ValueArray<BirthDate> DatesOfBirth { get; init; }

    public ValueArray<PlaceOfBirth> PlacesOfBirth { get; init; }

    public ValueArray<string> Nationalities { get; init; }

    /// <summary>Other countries linked to the subject (citizenship, residence, flag, registration).</summary>
    public ValueArray<string> Countries { get; init; }

    public ValueArray<Identifier> Identifiers { get; init; }

    public ValueArray<Address> Addresses { get; init; }

    /// <summary>Programmes / regimes (UN committee, OFAC programme tags, EU programme, UK regime).</summary>
    public ValueArray<string> Programmes { get; init; }

    public string? LegalBasis { get; init; }

    public string? Remarks { get; init; }

    public string? Gender { get; init; }

    public ValueArray<string> Titles { get; init; }

    /// <summary>Functions or positions held ("designation" in UN terms).</summary>
    public ValueArray<string> Positions { get; init; }

    /// <summary>The listing date the source states, when it states one.</summary>
    public DateOnly? ListedOn { get; init; }

    /// <summary>The primary name (first name), or the source id when the source gives no name.</summary>
    public string PrimaryName => Names.Count > 0 ? Names[0].FullName : SourceId;
}
