using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>OFAC name conventions: individuals are written "FAMILY, Given"; we keep natural order with parts.</summary>
internal static class OfacNames
{
    public static DesignationName FromCsv(string raw, NameQuality quality, bool individual)
    {
        var comma = raw.IndexOf(", ", StringComparison.Ordinal);
        if (!individual || comma <= 0)
        {
            return DesignationName.Create(raw, quality);
        }

        return FromParts(raw[(comma + 2)..].Trim(), raw[..comma].Trim(), quality);
    }

    public static DesignationName FromParts(string? given, string? family, NameQuality quality)
    {
        given = TextValue.Clean(given);
        family = TextValue.Clean(family);
        var parts = new List<NamePart>();
        if (given is not null)
        {
            parts.Add(new NamePart(NamePartType.Given, given));
        }

        if (family is not null)
        {
            parts.Add(new NamePart(NamePartType.Family, family));
        }

        return DesignationName.Create(string.Join(' ', parts.Select(p => p.Value)), quality, parts);
    }

    /// <summary>Splits OFAC's program column ("SDGT] [IFSR") into programme tags.</summary>
    public static List<string> Programmes(string? column)
    {
        var list = new List<string>();
        if (column is null)
        {
            return list;
        }

        foreach (var part in column.Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.Trim('[', ']', ' ');
            if (tag.Length > 0)
            {
                list.Add(tag);
            }
        }

        return list;
    }
}
