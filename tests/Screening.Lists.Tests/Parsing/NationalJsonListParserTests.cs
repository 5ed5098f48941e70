using System.Text;
using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class NationalJsonListParserTests
{
    private readonly NationalJsonListParser _parser = new();

    [Fact]
    public void Read_Sample_MapsEntriesAndStatedRevisions()
    {
        var document = _parser.Read(SharedData.OpenFixture("national-sample.json"));

        Assert.Equal(new ListId("XX", "sample"), document.ListId);
        Assert.Equal(new DateOnly(2024, 6, 1), document.Metadata.PublicationDate);
        var movement = document.Entries[0];
        Assert.Equal(SubjectType.Entity, movement.Designation.SubjectType);
        Assert.Equal(NameQuality.FormerName, movement.Designation.Names[2].Quality);
        Assert.Equal(new DateOnly(2005, 3, 1), movement.Revisions[0].EffectiveDate);
        Assert.Equal(DatePrecision.Month, movement.Revisions[0].EffectivePrecision);
        Assert.Equal(RevisionKind.Delisted, movement.Revisions[1].Kind);
        Assert.False(movement.InForce);
        var person = document.Entries[1].Designation;
        Assert.Equal([BirthDateKind.Exact, BirthDateKind.Approximate, BirthDateKind.Between], person.DatesOfBirth.Select(d => d.Kind));
        Assert.Equal(NamePartType.Patronymic, person.Names[0].Parts[1].Type);
    }

    [Fact]
    public void Parse_Sample_YieldsOnlyDesignationsInForce()
    {
        using var parsed = _parser.Parse(SharedData.OpenFixture("national-sample.json"));

        Assert.Equal(["XX-2"], parsed.ReadAll().Select(d => d.SourceId));
    }

    [Fact]
    public void Parse_UnknownQuality_ThrowsWithJsonPath()
    {
        using var parsed = _parser.Parse(SharedData.OpenFixture("national-bad-quality.json"));

        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Equal("$.designations[1].names[0].quality", error.Position);
        Assert.Contains("excellent", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Truncated_ThrowsAndNamesTheDesignation()
    {
        var text = File.ReadAllText(SharedData.Fixture("national-sample.json"));
        var truncated = text[..(text.Length * 2 / 3)];

        using var parsed = _parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(truncated)));
        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Contains("designations[1]", error.Position, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongFormatTag_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "format": "other", "list": "XX/a", "designations": [] }"""));

        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(stream));

        Assert.Equal("$.format", error.Position);
    }

    [Fact]
    public void Parse_Empty_ThrowsEmptyFile()
    {
        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(new MemoryStream()));

        Assert.Contains("empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyDesignations_StreamsThroughSmallBuffer()
    {
        var builder = new StringBuilder("""{"format":"national-json","list":"XX/big","designations":[""");
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",")
                .Append("{\"id\":\"X-").Append(i).Append("\",\"type\":\"individual\",\"names\":[{\"name\":\"Person number ").Append(i).Append("\"}]}");
        }

        builder.Append("]}");
        using var parsed = _parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(builder.ToString())));

        Assert.Equal(20_000, parsed.Designations.Count());
    }
}
