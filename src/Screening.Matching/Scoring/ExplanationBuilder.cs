using Screening.Matching.Indexing;
using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>Turns the alignment of one (query name, indexed name) pair into explanation rows.</summary>
internal static class ExplanationBuilder
{
    /// <summary>Fills <paramref name="rows"/> and returns the name score.</summary>
    public static double Build(IndexSegment segment, IndexSegment reference, NormalisedName queryName, int nameIndex, float[]? knownWeights, List<TokenAlignment> rows)
    {
        var score = SegmentSearch.ScorePair(
            segment, reference, queryName, nameIndex, knownWeights,
            out var queryWeights, out var queryToName, out var querySimilarity, out var nameToQuery, out var nameSimilarity, out var nameWeights);
        var ids = segment.NameTokens[nameIndex];
        var query = queryName.Informative;
        var total = queryWeights.Sum() + nameWeights.Sum();
        var informativeIndex = 0;
        foreach (var token in queryName.Tokens)
        {
            var isInformative = informativeIndex < query.Length && ReferenceEquals(query[informativeIndex], token);
            if (!isInformative)
            {
                rows.Add(new TokenAlignment(token.Text, null, 0, 0, AlignmentKind.Ignored));
                continue;
            }

            var i = informativeIndex++;
            var j = queryToName[i];
            if (j < 0)
            {
                rows.Add(new TokenAlignment(token.Text, null, 0, 0, AlignmentKind.Unmatched));
                continue;
            }

            var nameToken = segment.Vocabulary[ids[j]];
            var similarity = querySimilarity[i];
            var merged = IsMerged(queryToName, nameToQuery, i, j);
            var kind = merged ? AlignmentKind.Merged : TokenSimilarity.KindOf(token, nameToken, similarity);
            var contribution = total > 0 ? (queryWeights[i] + (nameToQuery[j] == i ? nameWeights[j] : 0)) * similarity / total : 0;
            var nameText = nameToken.Text;
            if (merged && j + 1 < nameToQuery.Length && nameToQuery[j + 1] == i)
            {
                nameText += " " + segment.Vocabulary[ids[j + 1]].Text;
                contribution += total > 0 ? nameWeights[j + 1] * similarity / total : 0;
            }

            rows.Add(new TokenAlignment(token.Text, nameText, Math.Round(similarity, 3), Math.Round(contribution, 3), kind));
        }

        for (var j = 0; j < nameToQuery.Length; j++)
        {
            if (nameToQuery[j] < 0)
            {
                rows.Add(new TokenAlignment(null, segment.Vocabulary[ids[j]].Text, 0, 0, AlignmentKind.Missing));
            }
        }

        return score;
    }

    private static bool IsMerged(int[] queryToName, int[] nameToQuery, int i, int j)
    {
        var sharedName = (i > 0 && queryToName[i - 1] == j) || (i + 1 < queryToName.Length && queryToName[i + 1] == j);
        var sharedQuery = j + 1 < nameToQuery.Length && nameToQuery[j + 1] == i && nameToQuery[j] == i;
        return sharedName || sharedQuery;
    }
}
