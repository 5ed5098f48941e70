using Screening.Matching.Indexing;
using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;
using Screening.Matching.Tests.Support;

namespace Screening.Matching.Tests.Indexing;

public sealed class TokenNeighboursTests
{
    private static IndexSegment BuildSegment() => SegmentBuilder.Build(
    [
        new EntryBuilder("A").Named("Mohammed Hussein", "Muhammad Husayn").Build(),
        new EntryBuilder("B").Named("Mohamad Hassan", "Mohammed Hassan").Build(),
        new EntryBuilder("C").Named("Muhammad Ivanov", "محمد حسين").Build(),
        new EntryBuilder("D").Named("Mohammed Husain").Build(),
    ], null);

    [Fact]
    public void Precompute_CommonToken_ListsExactlyTheRetrievedTokensWithTheirSimilarity()
    {
        var segment = BuildSegment();
        var id = segment.TokenIds["mohammed"];
        Assert.True(segment.HasNeighbours[id]);

        var retrieved = new List<int>();
        TokenNeighbours.Collect(segment, segment.Vocabulary[id], retrieved);
        var expected = retrieved.Distinct().Order()
            .Select(u => (u, (float)TokenSimilarity.Compute(segment.Vocabulary[id], segment.Vocabulary[u])))
            .Where(x => x.Item2 > 0).ToList();
        var from = segment.NeighbourStart[id];
        var to = segment.NeighbourStart[id + 1];
        var actual = Enumerable.Range(from, to - from).Select(k => (segment.NeighbourIds[k], segment.NeighbourSimilarities[k])).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(actual, x => segment.Vocabulary[x.Item1].Text == "muhammad");
    }

    [Theory]
    [InlineData("keng", "kyong")]
    [InlineData("kyong", "keng")]
    [InlineData("kaetano", "cayetano")]
    [InlineData("reng", "ryong")]
    public void Collect_YeSpelling_RetrievesTheERoundTrip(string query, string listed)
    {
        // Latin "ye" / "yo" comes back from Cyrillic as "e": scored as variants, so each must also retrieve the other,
        // or a name whose other words are common never becomes a candidate ("kim tong meng" / KIM TONG MYONG).
        var segment = SegmentBuilder.Build([new EntryBuilder("K").Named($"Pak {listed}").Build(), new EntryBuilder("L").Named("Pak Chol").Build()], null);
        var retrieved = new List<int>();
        TokenNeighbours.Collect(segment, NameToken.Create(query, false, TokenRole.Informative), retrieved);
        Assert.Contains(segment.TokenIds[listed], retrieved);
    }

    [Fact]
    public void Precompute_TokenOfOneName_IsLeftToLiveRetrieval()
    {
        var segment = BuildSegment();
        Assert.False(segment.HasNeighbours[segment.TokenIds["ivanov"]]);
        Assert.Equal(segment.NeighbourStart[segment.TokenIds["ivanov"]], segment.NeighbourStart[segment.TokenIds["ivanov"] + 1]);
    }

    [Fact]
    public void Collect_OneConsonantAbjadToken_UsesTextAndKeyOnly()
    {
        // Slow-tail regression: بو (bu) must not walk every token whose skeleton is "b".
        var segment = SegmentBuilder.Build(
        [
            new EntryBuilder("A").Named("Bo Bao").Build(),
            new EntryBuilder("B").Named("Abu Ebi").Build(),
        ], null);
        var retrieved = new List<int>();
        TokenNeighbours.Collect(segment, NameToken.Create("bu", true, TokenRole.Informative), retrieved);
        Assert.DoesNotContain(retrieved, id => segment.Vocabulary[id].Text is "abu" or "ebi");
    }

    [Theory]
    [InlineData("Mohammed Hussein")]
    [InlineData("Muhammad Husain")]
    [InlineData("Mohamed Ivanov")]
    [InlineData("محمد حسين")]
    public void Search_KnownAndUnknownTokens_ScoreAsWithoutPrecomputation(string name)
    {
        // Regression guard for the precomputed neighbours: the explanation path scores pairs live, so a hit's score
        // and its explanation's name score must agree.
        var index = MatchIndex.Build(
        [
            new EntryBuilder("A").Named("Mohammed Hussein", "Muhammad Husayn").Build(),
            new EntryBuilder("B").Named("Mohamad Hassan", "Mohammed Hassan").Build(),
            new EntryBuilder("C").Named("Muhammad Ivanov", "محمد حسين").Build(),
        ]);
        var hits = index.Search(new ScreeningQuery(name), 0.5);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(h.Score, h.Explanation.NameScore, 6));
    }
}
