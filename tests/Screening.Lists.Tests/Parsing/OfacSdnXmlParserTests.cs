using System.Xml.Linq;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class OfacSdnXmlParserTests
{
    private readonly OfacSdnXmlParser _parser = new();

    [Fact]
    public void Parse_ConsolidatedNonSdnList_Yields443EntriesWithEveryAlias()
    {
        var document = XDocument.Load(SharedData.List("ofac", "cons_list_sdnschema_2025-03-28.xml"));
        var akas = document.Descendants().Count(e => e.Name.LocalName == "aka");

        using var parsed = _parser.Parse(SharedData.Open("ofac", "cons_list_sdnschema_2025-03-28.xml"));
        var designations = parsed.ReadAll();

        Assert.Equal(443, designations.Count);
        Assert.Equal(443, parsed.Metadata.DeclaredRecordCount);
        Assert.Equal(new DateOnly(2025, 3, 28), parsed.Metadata.PublicationDate);
        Assert.Equal(akas, designations.Sum(d => d.Names.Count - 1));
        Assert.Equal(80, designations.Count(d => d.SubjectType == SubjectType.Individual));
        Assert.Equal(75, designations.Sum(d => d.DatesOfBirth.Count));
    }

    [Fact]
    public void Parse_OldNamespaceExcerpt_MapsIdsGenderAndBirth()
    {
        using var parsed = _parser.Parse(SharedData.Open("ofac", "sdn_xml_excerpt_2018-12-19.xml"));
        var designations = parsed.ReadAll();

        var malkevich = designations.Single(d => d.SourceId == "26235");
        Assert.Equal("Alexander Aleksandrovich MALKEVICH", malkevich.PrimaryName);
        Assert.Equal("Male", malkevich.Gender);
        Assert.Contains(malkevich.Identifiers, i => i.Type == IdentifierType.Passport && i.Value == "717637093" && i.Country == "Russia");
        Assert.Contains(malkevich.Identifiers, i => i.Type == IdentifierType.NationalId);
        Assert.Equal(new PartialDate(1975, 6, 14), Assert.Single(malkevich.DatesOfBirth).Value);
        Assert.Equal("Leningrad, Russia", Assert.Single(malkevich.PlacesOfBirth).Text);
        Assert.Equal("AERO-CARIBBEAN", designations.Single(d => d.SourceId == "36").Names[1].FullName);
    }

    [Fact]
    public void Parse_UnFile_ThrowsWrongFormat()
    {
        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(SharedData.Open("un", "consolidated.xml")));

        Assert.Contains("CONSOLIDATED_LIST", error.Reason, StringComparison.Ordinal);
    }
}
