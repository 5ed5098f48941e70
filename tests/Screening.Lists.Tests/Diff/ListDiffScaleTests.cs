using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Diff;

public sealed class ListDiffScaleTests
{
    private static readonly ListId Sdn = new("US", "SDN");

    [Fact]
    public void Import_OfacSizeListThenChanges_CountsEveryKind()
    {
        var first = Build(25_000, amendEvery: 0);
        var history = ListHistory.Empty(Sdn).Import(first, null, new ImportContext { RecordedAt = DateTimeOffset.UnixEpoch }).History;

        // Drop 100, add 200, amend every 50th of the rest.
        var second = Build(25_200, amendEvery: 50).Skip(100).ToList();
        var outcome = history.Import(second, null, new ImportContext { RecordedAt = DateTimeOffset.UnixEpoch.AddDays(1) });

        Assert.Equal(75_000, first.Sum(d => d.Names.Count));
        Assert.Equal(200, outcome.Delta.Listed.Count);
        Assert.Equal(100, outcome.Delta.Delisted.Count);
        Assert.Equal(Enumerable.Range(100, 24_900).Count(i => i % 50 == 0), outcome.Delta.Amended.Count);
        Assert.Equal(24_900 - outcome.Delta.Amended.Count, outcome.Delta.UnchangedCount);
        Assert.Equal(2, outcome.History.CurrentVersion);
    }

    private static List<Designation> Build(int count, int amendEvery) =>
        [
            .. Enumerable.Range(0, count).Select(i => Designations.Person(
                "E" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Person " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Alias A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                amendEvery > 0 && i % amendEvery == 0 ? "Changed" : "Alias B" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
}
