using System.Globalization;
using System.Text;

namespace Screening.Matching;

/// <summary>Why a designation matched: which query tokens aligned with which name tokens, and which attributes agreed or conflicted.</summary>
/// <param name="QueryName">The query name (as given) that matched best.</param>
/// <param name="MatchedName">The indexed name (as published) it matched.</param>
/// <param name="NameScore">Name similarity in [0, 1] before attributes.</param>
/// <param name="Score">Final score in [0, 1].</param>
/// <param name="Alignments">One row per query token, then one per unmatched name token.</param>
/// <param name="Attributes">Secondary attribute findings.</param>
public sealed record MatchExplanation(
    string QueryName,
    string MatchedName,
    double NameScore,
    double Score,
    IReadOnlyList<TokenAlignment> Alignments,
    IReadOnlyList<AttributeFinding> Attributes)
{
    /// <summary>Renders the explanation as a short paragraph an analyst can read.</summary>
    public string Describe()
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(ci, $"\"{QueryName}\" matches \"{MatchedName}\" with score {Score:0.00} (name {NameScore:0.00}).");

        var aligned = Alignments.Where(a => a.QueryToken is not null && a.NameToken is not null).ToList();
        if (aligned.Count > 0)
        {
            text.Append(" Aligned: ");
            text.AppendJoin("; ", aligned.Select(a => string.Create(ci, $"{a.QueryToken} {(a.Kind == AlignmentKind.Exact ? "=" : "~")} {a.NameToken} ({Describe(a.Kind)}, {a.Contribution:P0} of the name score)")));
            text.Append('.');
        }

        AppendList(text, " Not found in the listed name: ", Alignments.Where(a => a.Kind == AlignmentKind.Unmatched).Select(a => a.QueryToken!));
        AppendList(text, " Listed name tokens absent from the query: ", Alignments.Where(a => a.Kind == AlignmentKind.Missing).Select(a => a.NameToken!));
        AppendList(text, " Ignored (titles, legal forms, particles): ", Alignments.Where(a => a.Kind == AlignmentKind.Ignored).Select(a => a.QueryToken ?? a.NameToken!));

        foreach (var finding in Attributes)
        {
            var effect = finding.Attribute == MatchAttribute.Identifier && finding.Outcome == AttributeOutcome.Agrees
                ? "decisive"
                : string.Create(ci, $"{finding.Effect:+0.00;-0.00;0.00}");
            text.Append(ci, $" {Describe(finding.Attribute)} {(finding.Outcome == AttributeOutcome.Agrees ? "agrees" : "conflicts")}: {finding.Detail} ({effect}).");
        }

        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string label, IEnumerable<string> tokens)
    {
        var list = tokens.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(label).AppendJoin(", ", list).Append('.');
    }

    private static string Describe(AlignmentKind kind) => kind switch
    {
        AlignmentKind.Exact => "same",
        AlignmentKind.Variant => "spelling or romanisation variant",
        AlignmentKind.Fuzzy => "close spelling",
        AlignmentKind.Initial => "initial",
        AlignmentKind.Merged => "written together / apart",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(MatchAttribute attribute) => attribute switch
    {
        MatchAttribute.BirthDate => "Birth date",
        MatchAttribute.Country => "Country",
        MatchAttribute.SubjectKind => "Subject type",
        MatchAttribute.Identifier => "Identifier",
        _ => attribute.ToString(),
    };
}
