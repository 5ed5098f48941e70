using Screening.Matching;

namespace Screening.Benchmarks.Data;

/// <summary>All real list names available: UN consolidated (with original-script names), OFAC SDN CSV with aliases, OFAC consolidated XML.</summary>
internal sealed class ListCorpus
{
    public required List<DesignationEntry> Entries { get; init; }

    /// <summary>UN pairs (Latin primary name, original-script name) of the same designation.</summary>
    public required List<(string Key, string Latin, string Original)> OriginalScriptNames { get; init; }

    public static ListCorpus Load()
    {
        var data = RepositoryLayout.SharedData();
        var entries = new List<DesignationEntry>();
        var originals = new List<(string, string, string)>();
        UnListReader.Read(Path.Combine(data, "lists", "un", "consolidated.xml"), entries, originals);
        OfacReader.ReadCsv(Path.Combine(data, "lists", "ofac", "sdn_csv_2021-07"), entries);
        OfacReader.ReadXml(Path.Combine(data, "lists", "ofac", "cons_list_sdnschema_2025-03-28.xml"), entries);
        return new ListCorpus { Entries = entries, OriginalScriptNames = originals };
    }
}
