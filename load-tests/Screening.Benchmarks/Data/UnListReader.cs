using System.Globalization;
using System.Xml.Linq;
using Screening.Matching;

namespace Screening.Benchmarks.Data;

/// <summary>Minimal reader of the UN consolidated list XML: names, aliases (quality), original-script names, birth dates.</summary>
internal static class UnListReader
{
    public static void Read(string path, List<DesignationEntry> entries, List<(string Key, string Latin, string Original)> originals)
    {
        var doc = XDocument.Load(path);
        foreach (var element in doc.Descendants().Where(e => e.Name.LocalName is "INDIVIDUAL" or "ENTITY"))
        {
            var individual = element.Name.LocalName == "INDIVIDUAL";
            var key = "UN/" + Value(element, "REFERENCE_NUMBER");
            var primary = string.Join(' ', new[] { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" }
                .Select(n => Value(element, n)).Where(v => v.Length > 0));
            var names = new List<SubjectName>();
            if (primary.Length > 0)
            {
                names.Add(new SubjectName(primary));
            }

            foreach (var alias in element.Elements().Where(e => e.Name.LocalName.EndsWith("_ALIAS", StringComparison.Ordinal)))
            {
                var text = Value(alias, "ALIAS_NAME");
                if (text.Length > 0)
                {
                    names.Add(new SubjectName(text, Value(alias, "QUALITY").Equals("Low", StringComparison.OrdinalIgnoreCase)));
                }
            }

            var original = Value(element, "NAME_ORIGINAL_SCRIPT");
            if (original.Length > 0)
            {
                originals.Add((key, primary, original));
            }

            var dates = new List<BirthDate>();
            foreach (var dob in element.Elements().Where(e => e.Name.LocalName == "INDIVIDUAL_DATE_OF_BIRTH"))
            {
                if (int.TryParse(Value(dob, "FROM_YEAR"), CultureInfo.InvariantCulture, out var from)
                    && int.TryParse(Value(dob, "TO_YEAR"), CultureInfo.InvariantCulture, out var to))
                {
                    dates.Add(BirthDate.Between(from, to));
                }
                else if (DateTime.TryParse(Value(dob, "DATE"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(BirthDate.On(date.Year, date.Month, date.Day));
                }
                else if (int.TryParse(Value(dob, "YEAR"), CultureInfo.InvariantCulture, out var year))
                {
                    dates.Add(BirthDate.On(year));
                }
            }

            if (names.Count > 0)
            {
                entries.Add(new DesignationEntry(key, individual ? SubjectKind.Individual : SubjectKind.Entity, names) { BirthDates = dates });
            }
        }
    }

    private static string Value(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? string.Empty;
}
