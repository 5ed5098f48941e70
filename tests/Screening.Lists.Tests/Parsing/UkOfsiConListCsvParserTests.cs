using System.Text;
using Screening.Lists.Model;
using Screening.Lists.Parsing;
using Screening.Lists.Tests.Support;

namespace Screening.Lists.Tests.Parsing;

public sealed class UkOfsiConListCsvParserTests
{
    private readonly UkOfsiConListCsvParser _parser = new();

    [Fact]
    public void Parse_Excerpt_GroupsRowsByGroupId()
    {
        var distinctNames = DistinctNamesPerGroup();

        using var parsed = _parser.Parse(SharedData.Open("uk", "hmt_ofsi_conlist_csv_excerpt_2016-02-12.csv"));
        var designations = parsed.ReadAll();

        Assert.Equal(new DateOnly(2016, 2, 12), parsed.Metadata.PublicationDate);
        Assert.Equal(463, designations.Count);
        Assert.Equal(distinctNames, designations.Sum(d => d.Names.Select(n => n.FullName).Distinct(StringComparer.Ordinal).Count()));
        var bank = designations.Single(d => d.SourceId == "12203");
        Assert.Equal(SubjectType.Entity, bank.SubjectType);
        Assert.Equal(NameQuality.Primary, bank.Names[0].Quality);
        Assert.Equal("Syria", bank.Addresses[0].Country);
    }

    [Fact]
    public void Parse_ZeroDayAndMonth_IsYearOnly()
    {
        using var parsed = _parser.Parse(SharedData.Open("uk", "hmt_ofsi_conlist_csv_excerpt_2016-02-12.csv"));

        var kim = parsed.ReadAll().Single(d => d.SourceId == "12439");

        Assert.Equal(BirthDate.Of(new PartialDate(1946)), Assert.Single(kim.DatesOfBirth));
    }

    [Fact]
    public void Parse_RowWithTooFewColumns_ThrowsWithLine()
    {
        var lines = File.ReadAllLines(SharedData.List("uk", "hmt_ofsi_conlist_csv_excerpt_2016-02-12.csv"), Encoding.Latin1).Take(5).ToList();
        lines[3] = "ONLY,THREE,COLUMNS";
        using var parsed = _parser.Parse(new MemoryStream(Encoding.Latin1.GetBytes(string.Join("\n", lines))));

        var error = Assert.Throws<ListFormatException>(() => parsed.ReadAll());

        Assert.Equal("ConList.csv line 4", error.Position);
        Assert.Equal("expected 29 columns, found 3", error.Reason);
    }

    [Fact]
    public void Parse_OfacCsv_ThrowsWrongFormat()
    {
        var error = Assert.Throws<ListFormatException>(() => _parser.Parse(SharedData.Open("ofac", "tiny_2025-05", "sdn.csv")));

        Assert.Contains("Last Updated", error.Reason, StringComparison.Ordinal);
    }

    private static int DistinctNamesPerGroup()
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(
            SharedData.List("uk", "hmt_ofsi_conlist_csv_excerpt_2016-02-12.csv"),
            CodePagesEncodingProvider.Instance.GetEncoding(1252)!);
        parser.SetDelimiters(",");
        parser.HasFieldsEnclosedInQuotes = true;
        parser.ReadFields();
        parser.ReadFields();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (parser.ReadFields() is { } row)
        {
            var name = string.Join(' ', new[] { row[1], row[2], row[3], row[4], row[5], row[0] }.Select(p => p.Trim()).Where(p => p.Length > 0));
            names.Add(row[28] + "|" + string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return names.Count;
    }
}
