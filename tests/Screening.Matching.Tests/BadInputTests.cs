using Screening.Matching.Tests.Support;

namespace Screening.Matching.Tests;

public sealed class BadInputTests
{
    private static readonly MatchIndex Index = SampleIndex.Build();

    public static TheoryData<string> BadNames => new()
    {
        string.Empty,
        "   ",
        "\t\r\n",
        new string('a', 100_000),
        string.Concat(Enumerable.Repeat("Mohammed ", 12_000)),
        "Иван محمد 金正恩 Ivan Αλέξανδρος",
        "\u0000\u0001\u001F\u007F",
        "\uD800\uDC00\uD800",
        "\uDFFF abc \uD83D",
        "\u200F\u200Eطالبان\u202E",
        "\uFEFF\u2066Taliban\u2069",
        "🙂🙂🙂",
        "\uFFFF\uFFFE",
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Search_BadName_DoesNotThrowAndIsDeterministic(string name)
    {
        var first = Index.Search(new ScreeningQuery(name), 0.5);
        var second = Index.Search(new ScreeningQuery(name), 0.5);
        Assert.Equal(first.Select(h => (h.Key, h.Score)), second.Select(h => (h.Key, h.Score)));
        Assert.All(first, h => Assert.InRange(h.Score, 0.0, 1.0));
    }

    [Fact]
    public void Search_NullNamesOrQuery_ReturnsEmpty()
    {
        Assert.Empty(Index.Search((ScreeningQuery)null!));
        Assert.Empty(Index.Search(new ScreeningQuery((IReadOnlyList<string>)[null!, ""])));
        Assert.Empty(Index.Search(new ScreeningQuery("Taliban"), 0.5, 0));
    }

    [Fact]
    public void Build_BadEntries_AreToleratedAndBadNamesSkipped()
    {
        var index = MatchIndex.Build(
        [
            new DesignationEntry("E1", SubjectKind.Unknown, [new SubjectName(""), new SubjectName("\u200F"), new SubjectName(new string('x', 100_000))]),
            new DesignationEntry("E2", SubjectKind.Unknown, []),
            new EntryBuilder("E3").Named("Ivan Petrov").Build(),
        ]);
        Assert.Equal(3, index.EntryCount);
        Assert.Equal("E3", index.Search(new ScreeningQuery("Ivan Petrov")).Single().Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - . , ")]
    [InlineData("\u200F\u200B")]
    public void Search_NameEmptyAfterNormalisation_ReturnsNothingButIdentifiersStillMatch(string name)
    {
        Assert.Empty(Index.Search(new ScreeningQuery(name), 0.0));
        var byIdentifier = Index.Search(new ScreeningQuery(name) { Identifiers = [new SubjectIdentifier("IMO", "IMO 9187629")] });
        Assert.Equal("OFAC/3", Assert.Single(byIdentifier).Key);
    }

    [Fact]
    public void Search_ManyNamesInQuery_UsesOnlyTheFirstOnes()
    {
        var names = Enumerable.Repeat("Nobody Atall", 1000).Append("Taliban").ToList();
        Assert.Empty(Index.Search(new ScreeningQuery(names)));
    }
}
