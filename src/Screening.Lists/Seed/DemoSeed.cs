using System.Text.Json;
using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Parsing;

namespace Screening.Lists.Seed;

/// <summary>
/// The demo seed shipped in the assembly, written from public facts: the jurisdictions UN, US, EU, GB, KZ, RU,
/// KG, TJ; the Taliban's listings and delistings on the KZ, RU, KG and TJ national lists; a few Taliban
/// leaders of the UN 1988 list, still listed.
/// </summary>
public static class DemoSeed
{
    private const string Prefix = "Screening.Lists.Seed.";
    private static readonly Lazy<IReadOnlyList<Jurisdiction>> LazyJurisdictions = new(ReadJurisdictions);
    private static readonly Lazy<IReadOnlyList<SeedList>> LazyLists = new(ReadLists);

    /// <summary>The seed jurisdictions, in a fixed order.</summary>
    public static IReadOnlyList<Jurisdiction> Jurisdictions => LazyJurisdictions.Value;

    /// <summary>The seed lists, ordered by list id.</summary>
    public static IReadOnlyList<SeedList> Lists => LazyLists.Value;

    /// <summary>Reads a seed list with its stated revisions.</summary>
    public static NationalListDocument Read(SeedList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new NationalJsonListParser().Read(list.Open());
    }

    /// <summary>The history of a seed list: its stated revisions recorded as one version at <paramref name="recordedAt"/>.</summary>
    public static ListHistory LoadHistory(SeedList list, DateTimeOffset recordedAt)
    {
        var document = Read(list);
        var outcome = ListHistory.Empty(list.ListId).ApplyStated(
            document,
            new ImportContext { RecordedAt = recordedAt, SourceReference = "demo seed: " + list.ResourceName[Prefix.Length..] });
        return outcome.History;
    }

    private static IReadOnlyList<SeedList> ReadLists()
    {
        var parser = new NationalJsonListParser();
        var lists = new List<SeedList>();
        foreach (var name in typeof(DemoSeed).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.EndsWith("jurisdictions.json", StringComparison.Ordinal))
            {
                continue;
            }

            using var parsed = parser.Parse(typeof(DemoSeed).Assembly.GetManifestResourceStream(name)!);
            lists.Add(new SeedList(ListId.Parse(parsed.Metadata.SourceList!), parsed.Metadata.Title ?? name, name));
        }

        return [.. lists.OrderBy(l => l.ListId.ToString(), StringComparer.Ordinal)];
    }

    private static IReadOnlyList<Jurisdiction> ReadJurisdictions()
    {
        using var stream = typeof(DemoSeed).Assembly.GetManifestResourceStream(Prefix + "jurisdictions.json")
            ?? throw new InvalidOperationException("The seed resource jurisdictions.json is missing.");
        using var document = JsonDocument.Parse(stream);
        return
        [
            .. document.RootElement.GetProperty("jurisdictions").EnumerateArray().Select(j => new Jurisdiction(
                j.GetProperty("code").GetString()!,
                j.GetProperty("name").GetString()!,
                j.GetProperty("authority").GetString()!)),
        ];
    }
}
