using System.IO.Compression;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class OfacSdnCsvParserTests
{
    private readonly OfacSdnCsvParser _parser = new();

    [Fact]
    public void Parse_Real2021Set_Yields8976DesignationsWithAliasesAndAddresses()
    {
        var directory = SharedData.List("ofac", "sdn_csv_2021-07");
        var aliasRows = DataRows(Path.Combine(directory, "alt.csv")).Count();
        var addressRows = DataRows(Path.Combine(directory, "add.csv")).Count(line => !line.Split(',').Skip(2).All(f => f.Trim() == "-0-"));

        using var parsed = _parser.Parse(Files(directory));
        var designations = parsed.ReadAll();

        Assert.Equal(8976, designations.Count);
        Assert.Equal(11_910, aliasRows);
        Assert.Equal(aliasRows, designations.Sum(d => d.Names.Count(n => n.Quality is NameQuality.StrongAlias or NameQuality.FormerName)));
        Assert.Equal(addressRows, designations.Sum(d => d.Addresses.Count));
        Assert.Equal(4620, designations.Count(d => d.SubjectType == SubjectType.Individual));
        Assert.Equal(406, designations.Count(d => d.SubjectType == SubjectType.Vessel));
        Assert.Equal(277, designations.Count(d => d.SubjectType == SubjectType.Aircraft));
    }

    [Fact]
    public void Parse_Real2021Set_JoinsCommentContinuations()
    {
        using var parsed = _parser.Parse(Files(SharedData.List("ofac", "sdn_csv_2021-07")));

        var lazarus = parsed.ReadAll().Single(d => d.SourceId == "28263");

        Assert.EndsWith("Linked To: LAZARUS GROUP.", lazarus.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TinyZip_ReadsCryptoVesselAndAircraft()
    {
        using var zip = Zip(SharedData.List("ofac", "tiny_2025-05"));

        using var parsed = _parser.Parse(zip);
        var designations = parsed.ReadAll();

        Assert.Equal(17, designations.Count);
        Assert.Contains(designations.SelectMany(d => d.Identifiers), i => i.Type == IdentifierType.CryptoAddress && i.Label!.StartsWith("Digital Currency Address - ", StringComparison.Ordinal));
        Assert.Contains(designations, d => d.SubjectType == SubjectType.Vessel);
        Assert.Contains(designations, d => d.SubjectType == SubjectType.Aircraft);
        var logan = designations.Single(d => d.SourceId == "10278");
        Assert.Equal("Elvis Angus LOGAN MOREY", logan.PrimaryName);
        Assert.Equal(new BirthDate(BirthDateKind.Exact, new PartialDate(1963, 7, 28)), Assert.Single(logan.DatesOfBirth));
        Assert.Contains(logan.Identifiers, i => i.Type == IdentifierType.Passport && i.Value == "P0017003" && i.Country == "Belize");
        Assert.Contains(logan.Names, n => n.Quality == NameQuality.WeakAlias && n.FullName == "BURTON BURGESS");
    }

    [Fact]
    public void Parse_Fixture_MapsRemarksVesselAndComments()
    {
        using var parsed = _parser.Parse(new OfacSdnCsvFiles(
            SharedData.OpenFixture("ofac-sdn.csv"),
            SharedData.OpenFixture("ofac-add.csv"),
            SharedData.OpenFixture("ofac-alt.csv"),
            SharedData.OpenFixture("ofac-sdn_comments.csv")));
        var list = parsed.ReadAll();
        var john = list[0];
        var ship = list[1];

        Assert.Equal(["SDGT", "IRAN"], john.Programmes);
        Assert.Equal([BirthDateKind.Exact, BirthDateKind.Approximate], john.DatesOfBirth.Select(d => d.Kind));
        Assert.Equal(NameQuality.FormerName, john.Names.Single(n => n.FullName == "John OLDNAME").Quality);
        Assert.Equal("Male", john.Gender);
        Assert.Equal(["Nowhere"], john.Nationalities);
        Assert.Contains(john.Identifiers, i => i.Type == IdentifierType.CryptoAddress && i.Value == "1AbC");
        Assert.Single(john.Addresses);
        Assert.Empty(ship.Addresses);
        Assert.Contains(ship.Identifiers, i => i.Type == IdentifierType.Imo && i.Value == "1234567");
        Assert.Contains(ship.Identifiers, i => i.Type == IdentifierType.CallSign && i.Value == "ABCD");
        Assert.Equal(["Panama"], ship.Countries);
        Assert.EndsWith("Linked To: OWNER LTD.", ship.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowWithTooFewColumns_ThrowsWithFileAndLine()
    {
        using var parsed = _parser.Parse(new OfacSdnCsvFiles(
            SharedData.OpenFixture("ofac-short-row-sdn.csv"),
            SharedData.OpenFixture("ofac-add.csv"),
            SharedData.OpenFixture("ofac-alt.csv")));

        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Equal("sdn.csv line 3", error.Position);
        Assert.Equal("expected 12 columns, found 3", error.Reason);
    }

    [Fact]
    public void Parse_NotAZip_ThrowsClearError()
    {
        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(SharedData.Open("ofac", "sdn_csv_2021-07", "sdn.csv")));

        Assert.Contains("zip archive", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf16WithoutBom_ThrowsControlCharacter()
    {
        var bytes = System.Text.Encoding.Unicode.GetBytes("1,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        using var parsed = _parser.Parse(new OfacSdnCsvFiles(new MemoryStream(bytes), new MemoryStream(), new MemoryStream()));

        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Equal("sdn.csv line 1", error.Position);
        Assert.Contains("U+0000", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeLineOfGarbage_StopsAtRecordLimit()
    {
        var garbage = new string('x', CsvRecordReader.MaxRecordLength + 10);
        using var parsed = _parser.Parse(new OfacSdnCsvFiles(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(garbage)), new MemoryStream(), new MemoryStream()));

        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Contains("longer than", error.Reason, StringComparison.Ordinal);
    }

    private static OfacSdnCsvFiles Files(string directory) => new(
        File.OpenRead(Path.Combine(directory, "sdn.csv")),
        File.OpenRead(Path.Combine(directory, "add.csv")),
        File.OpenRead(Path.Combine(directory, "alt.csv")),
        File.OpenRead(Path.Combine(directory, "sdn_comments.csv")));

    private static MemoryStream Zip(string directory)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in (string[])["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"])
            {
                archive.CreateEntryFromFile(Path.Combine(directory, name), name);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private static IEnumerable<string> DataRows(string path) =>
        File.ReadLines(path, System.Text.Encoding.Latin1).Where(line => line.Length > 0 && char.IsAsciiDigit(line[0]));
}
