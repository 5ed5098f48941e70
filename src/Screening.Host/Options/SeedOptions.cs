namespace Screening.Host.Options;

/// <summary>What the host loads into an empty database at start-up (configuration section <c>Seed</c>).</summary>
public sealed class SeedOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Seed";

    /// <summary>
    /// Load the demo data (jurisdictions UN, US, EU, GB, KZ, RU, KG, TJ; the Taliban case; a demo tenant) when no list
    /// has a version yet. Default: on with embedded storage, off with external storage.
    /// </summary>
    public bool? Demo { get; set; }

    /// <summary>
    /// A folder of official list files (laid out like ../shared/data/lists) imported when the database has no version of
    /// those lists yet: un/consolidated.xml → UN/consolidated, ofac/sdn_csv_*/ → US/sdn. Empty: none.
    /// </summary>
    public string? OfficialListsFolder { get; set; }
}
