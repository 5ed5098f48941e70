using Screening.Matching.Tests.Support;

namespace Screening.Matching.Tests;

/// <summary>
/// Issue 6 (first delta after a bulk upload): monitoring shards keep their customers' normalised names and rebuild the
/// reverse index from them; that index must answer exactly as one built from the entries.
/// </summary>
public sealed class PreparedEntryTests
{
    private static readonly string[] Given = ["Alikhan", "Kairat", "Mohammed", "Hassan", "Vladimir", "Nicolas", "Abdul Hakim", "Saddam", "Ali", "Qairat"];
    private static readonly string[] Family = ["Smailov", "Satybaldy", "Idriss", "Mahmoud", "Ivanov", "Maduro Moros", "Murad", "Hussein al-Tikriti", "Ali", "Al-Qaduli", "Smaiylov"];

    private static readonly string[] Queries =
    [
        "Alikhan Smailov", "Alihan Smaiylov", "Қайрат Сатыбалды", "Haji Mohammad Idris", "صدام حسين التكريتي", "Hassan Ali Mahmoud",
        "Abdulhakim Murad", "Nico", "BANCO NACIONAL DE CUBA", "Ocean Star", "Ali Ali", "Taliban", "  ", "Vladimir Ivanov Petrovich",
    ];

    /// <summary>The sample designations plus a customer-like book whose names repeat tokens, with duplicate keys and blank names.</summary>
    private static List<DesignationEntry> Book()
    {
        var entries = new List<DesignationEntry>(SampleIndex.Entries);
        var random = new Random(6);
        for (var i = 0; i < 600; i++)
        {
            var builder = new EntryBuilder($"cust-{i % 550}", i % 7 == 0 ? SubjectKind.Entity : SubjectKind.Individual)
                .Named($"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}")
                .Born(BirthDate.On(1950 + (i % 40), 1 + (i % 12)));
            if (i % 5 == 0)
            {
                builder.Named(" ").WeakAlias(Given[random.Next(Given.Length)]);
            }

            if (i % 11 == 0)
            {
                builder.Named($"{Family[random.Next(Family.Length)]}, {Given[random.Next(Given.Length)]}").In("KZ");
            }

            entries.Add(builder.Build());
        }

        return entries;
    }

    private static IEnumerable<string> Describe(IReadOnlyList<MatchHit> hits) =>
        hits.Select(h => $"{h.Key} {h.Score:R} {h.MatchedName} {h.Explanation.Describe()}");

    [Fact]
    public void BuildPrepared_SameEntries_SearchesExactlyLikeBuild()
    {
        var entries = Book();
        var pool = new NameTokenPool();
        var plain = MatchIndex.Build(entries);
        var prepared = MatchIndex.BuildPrepared(PreparedEntry.Of(entries, pool));

        Assert.Equal(plain.EntryCount, prepared.EntryCount);
        Assert.Equal(plain.NameCount, prepared.NameCount);
        var compared = 0;
        foreach (var name in Queries)
        {
            var query = new ScreeningQuery(name) { BirthDates = [BirthDate.On(1960)] };
            var expected = plain.Search(query, 0.6, 200);
            Assert.Equal(Describe(expected), Describe(prepared.Search(query, 0.6, 200)));
            compared += expected.Count;
        }

        Assert.True(compared > 50, $"only {compared} hits compared");
    }

    [Fact]
    public void BuildPrepared_EntriesPreparedOneByOneThroughOnePool_SearchesExactlyLikeBuild()
    {
        var entries = Book();
        var pool = new NameTokenPool();
        var plain = MatchIndex.Build(entries);
        var prepared = MatchIndex.BuildPrepared(entries.Select(e => PreparedEntry.Of(e, pool)).ToList());

        foreach (var name in Queries)
        {
            Assert.Equal(Describe(plain.Search(new ScreeningQuery(name), 0.6, 200)), Describe(prepared.Search(new ScreeningQuery(name), 0.6, 200)));
        }

        // A book repeats its given names and surnames: the pool holds each distinct token once.
        Assert.InRange(pool.Count, 1, 80);
    }

    [Fact]
    public void ToQuery_QueryWithTheEntrysNames_SearchesLikePreparedQueryOf()
    {
        var index = SampleIndex.Build();
        foreach (var entry in Book().Skip(SampleIndex.Entries.Count).Take(100))
        {
            var query = new ScreeningQuery([.. entry.Names.Select(n => n.Text)]) { Kind = entry.Kind, BirthDates = entry.BirthDates };
            var prepared = PreparedEntry.Of(entry, new NameTokenPool()).ToQuery(query);
            Assert.Equal(Describe(index.Search(PreparedQuery.Of(query), 0.5, 25)), Describe(index.Search(prepared, 0.5, 25)));
        }
    }

    [Fact]
    public void ToQuery_QueryWithOtherNames_NormalisesThem()
    {
        var entry = new EntryBuilder("c-1").Named("Alikhan Smailov").Build();
        var query = new ScreeningQuery(["Hassan Ali Mahmoud", "Alikhan Smailov"]);

        var hits = SampleIndex.Build().Search(PreparedEntry.Of(entry).ToQuery(query));

        Assert.Equal(["UN/QDi.001", "T/alikhan"], hits.Select(h => h.Key).Order(StringComparer.Ordinal).Reverse());
    }
}
