using System.Text;
using System.Xml.Linq;
using Screening.Matching;

namespace Screening.Benchmarks.Data;

/// <summary>Minimal readers of OFAC SDN classic CSV (sdn.csv + alt.csv) and the sdn.xml-schema consolidated list.</summary>
internal static class OfacReader
{
    public static void ReadCsv(string folder, List<DesignationEntry> entries)
    {
        var aliases = new Dictionary<string, List<SubjectName>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "alt.csv"), Encoding.Latin1))
        {
            var f = CsvLine.Split(line);
            if (f.Count < 4 || Null(f[3]))
            {
                continue;
            }

            if (!aliases.TryGetValue(f[0], out var list))
            {
                aliases[f[0]] = list = [];
            }

            list.Add(new SubjectName(f[3].Trim()));
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "sdn.csv"), Encoding.Latin1))
        {
            var f = CsvLine.Split(line);
            if (f.Count < 3 || Null(f[1]) || !int.TryParse(f[0], out _))
            {
                continue;
            }

            var kind = f[2].Trim() switch
            {
                "individual" => SubjectKind.Individual,
                "vessel" => SubjectKind.Vessel,
                "aircraft" => SubjectKind.Aircraft,
                _ => SubjectKind.Entity,
            };
            var names = new List<SubjectName> { new(f[1].Trim()) };
            names.AddRange(aliases.GetValueOrDefault(f[0]) ?? []);
            entries.Add(new DesignationEntry("OFAC/SDN/" + f[0], kind, names));
        }
    }

    public static void ReadXml(string path, List<DesignationEntry> entries)
    {
        var doc = XDocument.Load(path);
        foreach (var entry in doc.Descendants().Where(e => e.Name.LocalName == "sdnEntry"))
        {
            var names = new List<SubjectName>();
            var primary = Join(entry);
            if (primary.Length > 0)
            {
                names.Add(new SubjectName(primary));
            }

            foreach (var aka in entry.Descendants().Where(e => e.Name.LocalName == "aka"))
            {
                var text = Join(aka);
                if (text.Length > 0)
                {
                    names.Add(new SubjectName(text, Child(aka, "category") == "weak"));
                }
            }

            var kind = Child(entry, "sdnType") switch
            {
                "Individual" => SubjectKind.Individual,
                "Vessel" => SubjectKind.Vessel,
                "Aircraft" => SubjectKind.Aircraft,
                _ => SubjectKind.Entity,
            };
            if (names.Count > 0)
            {
                entries.Add(new DesignationEntry("OFAC/CONS/" + Child(entry, "uid"), kind, names));
            }
        }
    }

    private static string Join(XElement element) =>
        string.Join(", ", new[] { Child(element, "lastName"), Child(element, "firstName") }.Where(v => v.Length > 0));

    private static string Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? string.Empty;

    private static bool Null(string field) => field.Trim() is "-0-" or "";
}
