using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>Facts read from the free-text Remarks of an OFAC CSV record.</summary>
internal sealed class OfacRemarkFacts
{
    public List<BirthDate> DatesOfBirth { get; } = [];

    public List<PlaceOfBirth> PlacesOfBirth { get; } = [];

    public List<Identifier> Identifiers { get; } = [];

    public List<string> Nationalities { get; } = [];

    public List<string> Countries { get; } = [];

    public List<DesignationName> WeakAliases { get; } = [];

    public List<string> Titles { get; } = [];

    public string? Gender { get; set; }
}
