using Screening.Lists.Diff;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Diff;

public sealed class ListDiffTests
{
    [Fact]
    public void Compute_NewChangedMissingAndReturning_ClassifiesEach()
    {
        var a = Designations.Person("A", "Alpha");
        var b = Designations.Person("B", "Bravo");
        var c = Designations.Person("C", "Charlie");
        var d = Designations.Person("D", "Delta");
        var snapshot = new ListSnapshot(
        [
            new SnapshotEntry("A", DesignationFingerprint.Compute(a), true),
            new SnapshotEntry("B", DesignationFingerprint.Compute(b), true),
            new SnapshotEntry("C", DesignationFingerprint.Compute(c), true),
            new SnapshotEntry("D", DesignationFingerprint.Compute(d), false),
        ]);
        Designation[] incoming = [a, Designations.Person("B", "Bravo", "Bravissimo"), d, Designations.Person("E", "Echo")];

        var delta = ListDiff.Compute(snapshot, incoming);

        Assert.Equal(["E"], delta.Listed.Select(x => x.Designation.SourceId));
        Assert.Equal(["B"], delta.Amended.Select(x => x.Designation.SourceId));
        Assert.Equal([DesignationField.Names], delta.Amended[0].ChangedFields);
        Assert.Equal(["C"], delta.Delisted);
        Assert.Equal(["D"], delta.Relisted.Select(x => x.Designation.SourceId));
        Assert.Equal(1, delta.UnchangedCount);
    }

    [Fact]
    public void Compute_DuplicateSourceId_Throws()
    {
        var error = Assert.Throws<ListFormatException>(() =>
            ListDiff.Compute(ListSnapshot.Empty, [Designations.Person("A", "x"), Designations.Person("A", "y")]));

        Assert.Contains("more than once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_ReorderedAliases_IsUnchanged()
    {
        var one = Designations.Person("A", "Alpha", "One", "Two");
        var other = Designations.Person("A", "Alpha", "Two", "One");

        Assert.Equal(DesignationFingerprint.Compute(one).Value, DesignationFingerprint.Compute(other).Value);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Fingerprint_KnownContent_IsStable()
    {
        var fingerprint = DesignationFingerprint.Compute(Designations.Person("A", "Alpha"));

        Assert.Equal(64, fingerprint.Value.Length);
        Assert.Equal(fingerprint, DesignationFingerprint.Compute(Designations.Person("A", "Alpha")));
    }

    [Fact]
    public void Designation_SameContent_IsValueEqual()
    {
        Assert.Equal(Designations.Person("A", "Alpha", "x"), Designations.Person("A", "Alpha", "x"));
    }
}
