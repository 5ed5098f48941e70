using System.Text;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class UnFixtureTests
{
    private readonly UnConsolidatedListParser _parser = new();

    [Fact]
    public void Parse_Fixture_MapsEveryAliasQualityAndDateKind()
    {
        using var parsed = _parser.Parse(SharedData.OpenFixture("un-small.xml"));
        var list = parsed.ReadAll();
        var john = list[0];
        var entity = list[1];

        Assert.Equal("XXi.001", john.SourceId);
        Assert.Equal("JOHN SAMPLE", john.PrimaryName);
        Assert.Equal("Cyrl", john.Names[1].Script);
        Assert.Equal(["Jon Sample", "Johnny Sample"], john.Names.Where(n => n.Quality == NameQuality.StrongAlias).Select(n => n.FullName));
        Assert.Equal("The Sampler", Assert.Single(john.Names, n => n.Quality == NameQuality.WeakAlias).FullName);
        Assert.Equal(
            [BirthDateKind.Exact, BirthDateKind.Year, BirthDateKind.Approximate, BirthDateKind.Between],
            john.DatesOfBirth.Select(d => d.Kind));
        Assert.Equal(new PartialDate(1968), john.DatesOfBirth[3].To);
        Assert.Equal(IdentifierType.Passport, Assert.Single(john.Identifiers).Type);
        Assert.Equal("Old Sample Trading", Assert.Single(entity.Names, n => n.Quality == NameQuality.FormerName).FullName);
        Assert.Equal(new DateOnly(2010, 2, 3), entity.ListedOn);
        Assert.Equal("Sampletown", Assert.Single(entity.Addresses).City);
    }

    [Fact]
    public void Parse_WrongRootElement_ThrowsNamingTheRoot()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<sdnList><sdnEntry/></sdnList>"));

        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(stream));

        Assert.Contains("sdnList", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyStream_ThrowsEmptyFile()
    {
        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(new MemoryStream()));

        Assert.Contains("empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_ThrowsWithLine()
    {
        var bytes = File.ReadAllBytes(SharedData.Fixture("un-small.xml"));
        var index = Array.IndexOf(bytes, (byte)'S', 200);
        bytes[index] = 0xE9;

        using var parsed = _parser.Parse(new MemoryStream(bytes));
        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.StartsWith("line ", error.Position, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GarbageBytes_ThrowsQuicklyAtLineOne()
    {
        var garbage = new byte[1 << 20];
        new Random(7).NextBytes(garbage);

        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(new MemoryStream(garbage)).ReadAll());

        Assert.StartsWith("line 1", error.Position, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownDateType_ThrowsWithElementPath()
    {
        var xml = File.ReadAllText(SharedData.Fixture("un-small.xml")).Replace("APPROXIMATELY", "SOMETIME", StringComparison.Ordinal);

        using var parsed = _parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Contains("INDIVIDUAL_DATE_OF_BIRTH", error.Position, StringComparison.Ordinal);
        Assert.Contains("SOMETIME", error.Reason, StringComparison.Ordinal);
    }
}
