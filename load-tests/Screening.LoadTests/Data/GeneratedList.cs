using System.Globalization;
using System.Text.Json;
using Screening.Contracts.V1;

namespace Screening.LoadTests.Data;

/// <summary>
/// A made-up national list (format national-json, see docs/LIST-FORMAT.md), the same for the same list id, size and
/// seed, so a re-run imports an identical document and the platform records no new version.
/// </summary>
public sealed class GeneratedList
{
    private GeneratedList(string listId, IReadOnlyList<GeneratedDesignation> designations)
    {
        ListId = listId;
        Designations = designations;
    }

    /// <summary>"JURISDICTION/name".</summary>
    public string ListId { get; }

    /// <summary>The jurisdiction code.</summary>
    public string Jurisdiction => ListId[..ListId.IndexOf('/', StringComparison.Ordinal)];

    public IReadOnlyList<GeneratedDesignation> Designations { get; }

    /// <summary>Number of names (all scripts) in the list.</summary>
    public int NameCount => Designations.Sum(d => 2 + (d.Arabic is null ? 0 : 1));

    /// <summary>Stable designation id as the platform reports it: "&lt;list id&gt;/&lt;source id&gt;".</summary>
    public string DesignationId(GeneratedDesignation d) => ListId + "/" + d.SourceId;

    public static GeneratedList Create(string listId, int size, int seed)
    {
        var random = new Random(seed);
        var prefix = listId.Replace('/', '-').ToUpperInvariant();
        var designations = new List<GeneratedDesignation>(size);
        for (var i = 0; i < size; i++)
        {
            designations.Add(NewDesignation(random, prefix + "-" + i.ToString("D6", CultureInfo.InvariantCulture)));
        }

        return new GeneratedList(listId, designations);
    }

    /// <summary>A designation with a fresh random name (also used by the churn scenario).</summary>
    public static GeneratedDesignation NewDesignation(Random random, string sourceId)
    {
        var individual = random.Next(5) != 0;
        var latin = SyntheticNames.Name(random, listed: true, tokens: individual ? random.Next(2, 4) : random.Next(2, 5));
        PartialDate? birth = individual
            ? new PartialDate { Year = random.Next(1940, 2001), Month = random.Next(1, 13), Day = random.Next(1, 29) }
            : null;
        return new GeneratedDesignation(
            sourceId,
            individual ? SubjectType.Individual : SubjectType.Entity,
            latin,
            SyntheticNames.ToCyrillic(latin),
            random.Next(3) == 0 ? SyntheticNames.ToArabic(latin) : null,
            birth);
    }

    /// <summary>The list as a national-json document.</summary>
    public byte[] ToNationalJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", "national-json");
            json.WriteNumber("formatVersion", 1);
            json.WriteString("list", ListId);
            json.WriteString("title", "Load-test list (made-up names)");
            json.WriteString("publicationDate", "2020-01-01");
            json.WriteStartArray("designations");
            foreach (var d in Designations)
            {
                json.WriteStartObject();
                json.WriteString("id", d.SourceId);
                json.WriteString("type", d.Type == SubjectType.Individual ? "individual" : "entity");
                json.WriteStartArray("names");
                WriteName(json, d.Latin, "primary");
                WriteName(json, d.Cyrillic, "primary");
                if (d.Arabic is not null)
                {
                    WriteName(json, d.Arabic, "strong");
                }

                json.WriteEndArray();
                if (d.BirthDate is { } b)
                {
                    json.WriteStartArray("datesOfBirth");
                    json.WriteStartObject();
                    json.WriteString("date", string.Create(CultureInfo.InvariantCulture, $"{b.Year:D4}-{b.Month:D2}-{b.Day:D2}"));
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartArray("revisions");
                json.WriteStartObject();
                json.WriteString("kind", "listed");
                json.WriteString("effective", "2015-01-01");
                json.WriteString("legalBasis", "load test");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteName(Utf8JsonWriter json, string name, string quality)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("quality", quality);
        json.WriteEndObject();
    }
}
