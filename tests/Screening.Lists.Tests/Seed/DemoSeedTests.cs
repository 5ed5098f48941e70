using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Seed;

namespace Screening.Lists.Tests.Seed;

public sealed class DemoSeedTests
{
    private static readonly DateTimeOffset Seeded = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jurisdictions_Seed_HasTheEightCodes()
    {
        Assert.Equal(["UN", "US", "EU", "GB", "KZ", "RU", "KG", "TJ"], DemoSeed.Jurisdictions.Select(j => j.Code));
    }

    [Fact]
    public void Lists_Seed_CoverUnAndTheFourNationalLists()
    {
        Assert.Equal(
            ["KG/terrorist-organisations", "KZ/terrorist-organisations", "RU/terrorist-organisations", "TJ/terrorist-organisations", "UN/consolidated"],
            DemoSeed.Lists.Select(l => l.ListId.ToString()));
    }

    [Theory]
    [InlineData("KZ", "2005-03-14", false)]
    [InlineData("KZ", "2005-03-15", true)]
    [InlineData("KZ", "2023-08-15", true)]
    [InlineData("KZ", "2023-12-28", true)]
    [InlineData("KZ", "2023-12-29", false)]
    [InlineData("RU", "2003-02-13", false)]
    [InlineData("RU", "2003-02-14", true)]
    [InlineData("RU", "2024-12-31", true)]
    [InlineData("RU", "2025-04-16", true)]
    [InlineData("RU", "2025-04-17", false)]
    [InlineData("KG", "2006-09-15", true)]
    [InlineData("KG", "2024-08-31", true)]
    [InlineData("KG", "2024-09-01", false)]
    [InlineData("TJ", "2006-03-29", false)]
    [InlineData("TJ", "2026-01-01", true)]
    public void Taliban_AsOfDate_FollowsEachJurisdiction(string jurisdiction, string date, bool inForce)
    {
        var list = DemoSeed.Lists.Single(l => l.ListId.Jurisdiction == jurisdiction);
        var history = DemoSeed.LoadHistory(list, Seeded);

        var taliban = history.InForceAt(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Seeded)
            .Any(s => s.Content!.Names.Any(n => n.FullName == "Taliban"));

        Assert.Equal(inForce, taliban);
    }

    [Fact]
    public void Taliban_KazakhDelisting_CarriesLegalBasisAndReason()
    {
        var history = DemoSeed.LoadHistory(DemoSeed.Lists.Single(l => l.ListId.Jurisdiction == "KZ"), Seeded);

        var state = history.StateOf("KZ-TO-TALIBAN", new DateOnly(2024, 1, 1), Seeded)!;

        Assert.False(state.InForce);
        Assert.Equal(RevisionKind.Delisted, state.Decisive.Kind);
        Assert.Contains("UN Security Council", state.Decisive.Reason, StringComparison.Ordinal);
        Assert.Equal("Taliban", state.Content!.PrimaryName);
    }

    [Fact]
    public void Taliban_AskedBeforeTheSeedWasRecorded_IsUnknown()
    {
        var history = DemoSeed.LoadHistory(DemoSeed.Lists.Single(l => l.ListId.Jurisdiction == "KZ"), Seeded);

        Assert.Null(history.StateOf("KZ-TO-TALIBAN", new DateOnly(2010, 1, 1), Seeded.AddDays(-1)));
    }

    [Fact]
    public void UnLeaders_AfterEveryNationalDelisting_RemainInForce()
    {
        var history = DemoSeed.LoadHistory(DemoSeed.Lists.Single(l => l.ListId.Jurisdiction == "UN"), Seeded);

        var inForce = history.InForceAt(new DateOnly(2025, 6, 1), Seeded);

        Assert.Equal(["TAi.002", "TAi.004", "TAi.026", "TAi.144"], inForce.Select(s => s.SourceId));
        Assert.All(inForce, s => Assert.Equal(SubjectType.Individual, s.Content!.SubjectType));
    }

    [Fact]
    public void LoadHistory_AppliedTwice_IsNoOp()
    {
        var list = DemoSeed.Lists[0];
        var history = DemoSeed.LoadHistory(list, Seeded);

        var outcome = history.ApplyStated(DemoSeed.Read(list), new ImportContext { RecordedAt = Seeded.AddDays(1) });

        Assert.False(outcome.Changed);
    }
}
