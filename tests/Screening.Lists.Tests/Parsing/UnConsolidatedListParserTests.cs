using System.Xml.Linq;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class UnConsolidatedListParserTests
{
    private readonly UnConsolidatedListParser _parser = new();

    [Fact]
    public void Parse_RealConsolidatedList_Yields730IndividualsAnd273Entities()
    {
        using var parsed = _parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var designations = parsed.ReadAll();

        Assert.Equal(730, designations.Count(d => d.SubjectType == SubjectType.Individual));
        Assert.Equal(273, designations.Count(d => d.SubjectType == SubjectType.Entity));
        Assert.Equal(new DateOnly(2026, 2, 27), parsed.Metadata.PublicationDate);
    }

    [Fact]
    public void Parse_RealConsolidatedList_KeepsEveryAlias()
    {
        var document = XDocument.Load(SharedData.List("un", "consolidated.xml"));
        var expectedAliases = document.Descendants()
            .Where(e => e.Name.LocalName is "INDIVIDUAL_ALIAS" or "ENTITY_ALIAS")
            .Select(e => (string?)e.Element("ALIAS_NAME") ?? string.Empty)
            .Sum(name => name.Split(';').Count(part => part.Trim().Length > 0));
        var expectedOriginalScript = document.Descendants("NAME_ORIGINAL_SCRIPT").Count(e => e.Value.Trim().Length > 0);

        using var parsed = _parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var designations = parsed.ReadAll();

        Assert.Equal(expectedAliases, designations.Sum(d => d.Names.Count(n => n.Quality != NameQuality.Primary)));
        Assert.Equal(designations.Count + expectedOriginalScript, designations.Sum(d => d.Names.Count(n => n.Quality == NameQuality.Primary)));
    }

    [Fact]
    public void Parse_TalibanLeader_MapsNamesDatesDocumentsAndScript()
    {
        using var parsed = _parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var omar = parsed.ReadAll().Single(d => d.SourceId == "TAi.004");

        Assert.Equal("MOHAMMED OMAR GHULAM NABI", omar.PrimaryName);
        Assert.Contains(omar.Names, n => n.Quality == NameQuality.Primary && n.Script == "Arab");
        Assert.Equal(["Taliban"], omar.Programmes.Items.ToArray());
        Assert.Equal(new DateOnly(2000, 4, 12), omar.ListedOn);
        Assert.Contains("Mullah", omar.Titles);
    }

    [Fact]
    public void Parse_AllDateKindsAndQualities_AreRepresented()
    {
        using var parsed = _parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var designations = parsed.ReadAll();
        var kinds = designations.SelectMany(d => d.DatesOfBirth).Select(b => b.Kind).ToHashSet();
        var qualities = designations.SelectMany(d => d.Names).Select(n => n.Quality).ToHashSet();

        Assert.Contains(BirthDateKind.Exact, kinds);
        Assert.Contains(BirthDateKind.Year, kinds);
        Assert.Contains(BirthDateKind.Approximate, kinds);
        Assert.Contains(BirthDateKind.Between, kinds);
        Assert.Equal(4, qualities.Count);
        Assert.Contains(designations.SelectMany(d => d.Identifiers), i => i.Type == IdentifierType.Passport);
        Assert.Contains(designations.SelectMany(d => d.Identifiers), i => i.Type == IdentifierType.NationalId);
    }

    [Fact]
    public void Parse_OlderLayoutExcerpt_Yields130IndividualsAnd109Entities()
    {
        using var parsed = _parser.Parse(SharedData.Open("un", "un_consolidated_excerpt_2016-02-11.xml"));
        var designations = parsed.ReadAll();

        Assert.Equal(130, designations.Count(d => d.SubjectType == SubjectType.Individual));
        Assert.Equal(109, designations.Count(d => d.SubjectType == SubjectType.Entity));
        Assert.Equal(new DateOnly(2016, 2, 11), parsed.Metadata.PublicationDate);
    }

    [Fact]
    public void Parse_TruncatedFile_ThrowsWithLinePosition()
    {
        var bytes = File.ReadAllBytes(SharedData.List("un", "consolidated.xml"));
        using var truncated = new MemoryStream(bytes, 0, bytes.Length / 2);

        using var parsed = _parser.Parse(truncated);
        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.StartsWith("line ", error.Position, StringComparison.Ordinal);
        Assert.Contains("INDIVIDUAL", error.Position, StringComparison.Ordinal);
    }
}
