using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class EuFinancialSanctionsXmlParserTests
{
    [Fact]
    public void Parse_Excerpt_MapsPersonAndEntityWithAllLanguages()
    {
        using var parsed = new EuFinancialSanctionsXmlParser().Parse(SharedData.Open("eu", "eu_fsf_1_1_excerpt_2018-12-21.xml"));
        var designations = parsed.ReadAll();

        Assert.Equal(new DateOnly(2018, 12, 21), parsed.Metadata.PublicationDate);
        Assert.Equal(2, designations.Count);
        var mugabe = designations[0];
        Assert.Equal(SubjectType.Individual, mugabe.SubjectType);
        Assert.Equal("Robert Gabriel Mugabe", mugabe.PrimaryName);
        Assert.Equal(new BirthDate(BirthDateKind.Exact, new PartialDate(1924, 2, 21)), Assert.Single(mugabe.DatesOfBirth));
        Assert.Equal("AD001095", Assert.Single(mugabe.Identifiers).Value);
        Assert.Equal(IdentifierType.Passport, mugabe.Identifiers[0].Type);
        Assert.Equal(["ZWE"], mugabe.Programmes);
        Assert.Equal(["Former President"], mugabe.Positions);
        var front = designations[1];
        Assert.Equal(SubjectType.Entity, front.SubjectType);
        Assert.Equal(19, front.Names.Count);
        Assert.Contains(front.Names, n => n.Language == "bg" && n.Script == "Cyrl");
        Assert.Contains(front.Names, n => n.Language == "el" && n.Script == "Grek");
    }

    [Fact]
    public void Parse_LegacyWholeFormat_ThrowsWrongFormat()
    {
        var error = Assert.Throws<ListFormatException>(() =>
            new EuFinancialSanctionsXmlParser().Parse(SharedData.Open("eu", "eu_fsf_legacy_WHOLE_excerpt_2018-12-21.xml")));

        Assert.Contains("export", error.Reason, StringComparison.Ordinal);
    }
}
