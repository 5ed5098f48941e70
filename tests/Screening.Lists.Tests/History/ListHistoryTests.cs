using System.Xml.Linq;
using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.History;

public sealed class ListHistoryTests
{
    private static readonly ListId Un = new("UN", "consolidated");
    private static readonly DateTimeOffset T1 = new(2016, 2, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = new(2026, 2, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Import_Un2016Then2026_CountsMatchSetArithmetic()
    {
        var ids2016 = ReferenceNumbers("un_consolidated_excerpt_2016-02-11.xml");
        var ids2026 = ReferenceNumbers("consolidated.xml");
        var parser = new UnConsolidatedListParser();

        ImportOutcome first;
        using (var parsed = parser.Parse(SharedData.Open("un", "un_consolidated_excerpt_2016-02-11.xml")))
        {
            first = ListHistory.Empty(Un).Import(parsed, new ImportContext { RecordedAt = T1 });
        }

        ImportOutcome second;
        using (var parsed = parser.Parse(SharedData.Open("un", "consolidated.xml")))
        {
            second = first.History.Import(parsed, new ImportContext { RecordedAt = T2 });
        }

        Assert.Equal(ids2016.Count, first.Delta.Listed.Count);
        Assert.Equal(1, first.Version!.Number);
        Assert.Equal(2, second.Version!.Number);
        Assert.Equal(ids2026.Except(ids2016).Count(), second.Delta.Listed.Count);
        Assert.Equal(770, second.Delta.Listed.Count);
        Assert.Equal(ids2016.Except(ids2026).Order(StringComparer.Ordinal), second.Delta.Delisted);
        Assert.Equal(6, second.Delta.Delisted.Count);
        Assert.Equal(ids2016.Intersect(ids2026).Count(), second.Delta.Amended.Count + second.Delta.UnchangedCount);
        Assert.Empty(second.Delta.Relisted);
        Assert.All(second.Delta.Amended, a => Assert.NotEmpty(a.ChangedFields));

        // Delisted at the publication date of the 2026 file, unless told otherwise.
        var delisting = second.History.RevisionsOf("TAi.081").Last();
        Assert.Equal(RevisionKind.Delisted, delisting.Kind);
        Assert.Equal(new DateOnly(2026, 2, 27), delisting.EffectiveDate);
    }

    [Fact]
    public void Import_SameContentTwice_CreatesNoVersionAndSaysSo()
    {
        var parser = new UnConsolidatedListParser();
        using var first = parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var history = ListHistory.Empty(Un).Import(first, new ImportContext { RecordedAt = T1 }).History;

        using var again = parser.Parse(SharedData.Open("un", "consolidated.xml"));
        var outcome = history.Import(again, new ImportContext { RecordedAt = T2 });

        Assert.False(outcome.Changed);
        Assert.Same(history, outcome.History);
        Assert.Equal(1003, outcome.Delta.UnchangedCount);
        Assert.StartsWith("no change", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedFile_ThrowsAndLeavesHistoryUnchanged()
    {
        var parser = new UnConsolidatedListParser();
        using var first = parser.Parse(SharedData.Open("un", "un_consolidated_excerpt_2016-02-11.xml"));
        var history = ListHistory.Empty(Un).Import(first, new ImportContext { RecordedAt = T1 }).History;
        var bytes = File.ReadAllBytes(SharedData.List("un", "consolidated.xml"));

        using var truncated = parser.Parse(new MemoryStream(bytes, 0, bytes.Length - 5000));
        var error = Assert.Throws<ListFormatException>(() => history.Import(truncated, new ImportContext { RecordedAt = T2 }));

        Assert.StartsWith("line ", error.Position, StringComparison.Ordinal);
        Assert.Equal(1, history.CurrentVersion);
        Assert.Equal(239, history.InForceAt(new DateOnly(2026, 3, 1), T2).Count);
    }

    [Fact]
    public void InForceAt_KnownAtEarlierTime_IgnoresLaterRevisions()
    {
        var a = Designations.Person("A", "Alpha");
        var history = ListHistory.Empty(Un)
            .Import([a], null, new ImportContext { RecordedAt = T1, EffectiveDate = new DateOnly(2016, 1, 1) }).History
            .Import([], null, new ImportContext { RecordedAt = T2, EffectiveDate = new DateOnly(2020, 1, 1) }).History;

        Assert.Single(history.InForceAt(new DateOnly(2019, 12, 31), T2));
        Assert.Empty(history.InForceAt(new DateOnly(2020, 1, 1), T2));
        Assert.Single(history.InForceAt(new DateOnly(2020, 1, 1), T1));
        Assert.Empty(history.InForceAt(new DateOnly(2015, 12, 31), T2));
    }

    [Fact]
    public void Import_ReturningDesignation_IsRelisted()
    {
        var a = Designations.Person("A", "Alpha");
        var history = ListHistory.Empty(Un)
            .Import([a], null, new ImportContext { RecordedAt = T1, EffectiveDate = new DateOnly(2016, 1, 1) }).History
            .Import([], null, new ImportContext { RecordedAt = T1.AddDays(1), EffectiveDate = new DateOnly(2017, 1, 1) }).History;

        var outcome = history.Import([a], null, new ImportContext { RecordedAt = T2, EffectiveDate = new DateOnly(2018, 1, 1) });

        Assert.Single(outcome.Delta.Relisted);
        Assert.Equal(
            [RevisionKind.Listed, RevisionKind.Delisted, RevisionKind.Relisted],
            outcome.History.RevisionsOf("A").Select(r => r.Kind));
        Assert.True(outcome.History.StateOf("A", new DateOnly(2018, 1, 1), T2)!.InForce);
    }

    [Fact]
    public void FromRevisions_RoundTrip_RestoresSnapshot()
    {
        using var parsed = new UnConsolidatedListParser().Parse(SharedData.OpenFixture("un-small.xml"));
        var history = ListHistory.Empty(Un).Import(parsed, new ImportContext { RecordedAt = T1 }).History;

        var restored = ListHistory.FromRevisions(Un, history.Versions, history.Revisions);

        Assert.Equal(history.CurrentVersion, restored.CurrentVersion);
        Assert.Equal(
            history.Snapshot().Entries.OrderBy(e => e.SourceId, StringComparer.Ordinal).Select(e => e.Fingerprint.Value),
            restored.Snapshot().Entries.OrderBy(e => e.SourceId, StringComparer.Ordinal).Select(e => e.Fingerprint.Value));
    }

    private static HashSet<string> ReferenceNumbers(string file) =>
        XDocument.Load(SharedData.List("un", file)).Descendants("REFERENCE_NUMBER").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
}
