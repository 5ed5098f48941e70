using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>
/// Aligns the informative tokens of a query name with those of an indexed name, order-free: greedy best pairs on a
/// similarity matrix, then merged/split tokens ("abdul rahman" / "abdulrahman"). The name score combines the
/// weighted coverage of both names: the better-covered side counts fully, the other discounts the score by
/// <c>p × (1 − coverage)</c>, where p is smaller when more tokens agree (a dropped middle name costs little, a lone
/// shared first name costs a lot).
/// </summary>
internal static class NameAligner
{
    public const int MaxTokens = InputLimits.MaxTokensPerName;
    private const double MergeFloor = 0.9;
    private const double MatchedFloor = 0.85;

    /// <summary>
    /// Aligns; <paramref name="similarity"/> is the row-major matrix (query × name). Outputs per query token the name
    /// token index (or -1) and similarity; per name token the query token index (or -1). A merge is recorded as two
    /// query tokens pointing at one name token, or two name tokens pointing at one query token.
    /// </summary>
    public static double Align(
        ReadOnlySpan<NameToken> query,
        ReadOnlySpan<float> queryWeights,
        ReadOnlySpan<NameToken> name,
        ReadOnlySpan<float> nameWeights,
        ReadOnlySpan<float> similarity,
        Span<int> queryToName,
        Span<float> querySimilarity,
        Span<int> nameToQuery,
        Span<float> nameSimilarity)
    {
        var nq = query.Length;
        var nn = name.Length;
        if (nq == 0 || nn == 0)
        {
            return 0.0;
        }

        queryToName[..nq].Fill(-1);
        querySimilarity[..nq].Clear();
        nameToQuery[..nn].Fill(-1);
        nameSimilarity[..nn].Clear();

        Span<ulong> pairs = stackalloc ulong[nq * nn];
        var pairCount = 0;
        for (var i = 0; i < nq; i++)
        {
            for (var j = 0; j < nn; j++)
            {
                var s = similarity[(i * nn) + j];
                if (s > 0)
                {
                    // Sort key: similarity, then prefer the earlier query and name token, for determinism.
                    pairs[pairCount++] = ((ulong)(s * 1_000_000) << 16) | ((ulong)(uint)(255 - i) << 8) | (uint)(255 - j);
                }
            }
        }

        var used = pairs[..pairCount];
        used.Sort();
        for (var p = used.Length - 1; p >= 0; p--)
        {
            var i = 255 - (int)((used[p] >> 8) & 0xFF);
            var j = 255 - (int)(used[p] & 0xFF);
            if (queryToName[i] >= 0 || nameToQuery[j] >= 0)
            {
                continue;
            }

            var s = similarity[(i * nn) + j];
            queryToName[i] = j;
            nameToQuery[j] = i;
            querySimilarity[i] = s;
            nameSimilarity[j] = s;
        }

        MergeSplitTokens(query, name, queryToName, querySimilarity, nameToQuery, nameSimilarity);
        return Score(query, queryWeights, name, nameWeights, querySimilarity, nameSimilarity);
    }

    private static void MergeSplitTokens(
        ReadOnlySpan<NameToken> query,
        ReadOnlySpan<NameToken> name,
        Span<int> queryToName,
        Span<float> querySimilarity,
        Span<int> nameToQuery,
        Span<float> nameSimilarity)
    {
        Span<char> joined = stackalloc char[128];
        for (var i = 0; i < query.Length; i++)
        {
            if (querySimilarity[i] >= MatchedFloor)
            {
                continue;
            }

            for (var j = 0; j < name.Length; j++)
            {
                if (nameSimilarity[j] >= MatchedFloor)
                {
                    continue;
                }

                // query token i + i+1 written apart, name token j written together
                if (i + 1 < query.Length && querySimilarity[i + 1] < MatchedFloor && CanJoin(query[i].Text, query[i + 1].Text, joined))
                {
                    var s = JoinedSimilarity(joined, query[i], query[i + 1], name[j]);
                    if (s >= MergeFloor)
                    {
                        Assign(queryToName, querySimilarity, nameToQuery, nameSimilarity, i, j, s);
                        Assign(queryToName, querySimilarity, nameToQuery, nameSimilarity, i + 1, j, s);
                        break;
                    }
                }

                // name tokens j + j+1 written apart, query token i written together
                if (j + 1 < name.Length && nameSimilarity[j + 1] < MatchedFloor && CanJoin(name[j].Text, name[j + 1].Text, joined))
                {
                    var s = JoinedSimilarity(joined, name[j], name[j + 1], query[i]);
                    if (s >= MergeFloor)
                    {
                        Assign(queryToName, querySimilarity, nameToQuery, nameSimilarity, i, j, s);
                        nameToQuery[j + 1] = i;
                        nameSimilarity[j + 1] = (float)s;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Similarity of two tokens written together with one token: Jaro-Winkler on the text, or, when either side is
    /// written in an abjad (حبیب الله / Habibullah), the joined consonant skeletons. Most pairs are different words:
    /// the Jaro-Winkler upper bound from lengths and letters skips them without joining the texts or computing it.
    /// </summary>
    private static double JoinedSimilarity(Span<char> buffer, NameToken left, NameToken right, NameToken other)
    {
        var length = left.Text.Length + right.Text.Length;
        var s = 0.0;
        if (TokenSimilarity.JaroWinklerBound(length, other.Text.Length, left.TextLetters | right.TextLetters, other.TextLetters) >= MergeFloor)
        {
            left.Text.AsSpan().CopyTo(buffer);
            right.Text.AsSpan().CopyTo(buffer[left.Text.Length..]);
            s = Scoring.JaroWinkler.Similarity(buffer[..length], other.Text);
        }

        if (s >= MergeFloor || (!left.Abjad && !right.Abjad && !other.Abjad))
        {
            return s;
        }

        // Skeletons of the two parts joined (the boundary consonant collapses like a double letter: habib|allah).
        var a = left.Consonants.AsSpan();
        var b = right.Consonants.AsSpan();
        if (a.Length > 0 && b.Length > 0 && a[^1] == b[0])
        {
            b = b[1..];
        }

        var total = a.Length + b.Length;
        if (total < 3 || (total != other.Consonants.Length && total != other.LooseConsonants.Length))
        {
            return s;
        }

        Span<char> skeleton = stackalloc char[total];
        a.CopyTo(skeleton);
        b.CopyTo(skeleton[a.Length..]);
        return skeleton.SequenceEqual(other.Consonants) || skeleton.SequenceEqual(other.LooseConsonants)
            ? Math.Max(s, TokenSimilarity.AbjadScore) : s;
    }

    private static void Assign(Span<int> queryToName, Span<float> querySimilarity, Span<int> nameToQuery, Span<float> nameSimilarity, int i, int j, double s)
    {
        queryToName[i] = j;
        querySimilarity[i] = (float)s;
        nameToQuery[j] = i;
        nameSimilarity[j] = (float)s;
    }

    /// <summary>Whether two tokens may be compared written together: both longer than one letter, and together they fit <paramref name="buffer"/>.</summary>
    private static bool CanJoin(string left, string right, Span<char> buffer) =>
        left.Length + right.Length <= buffer.Length && left.Length >= 2 && right.Length >= 2;

    private static double Score(
        ReadOnlySpan<NameToken> query,
        ReadOnlySpan<float> queryWeights,
        ReadOnlySpan<NameToken> name,
        ReadOnlySpan<float> nameWeights,
        ReadOnlySpan<float> querySimilarity,
        ReadOnlySpan<float> nameSimilarity)
    {
        double qTotal = 0, qCovered = 0, nTotal = 0, nCovered = 0;
        var matched = 0;
        var queryDigits = false;
        var digitsAgree = false;
        for (var i = 0; i < query.Length; i++)
        {
            qTotal += queryWeights[i];
            qCovered += queryWeights[i] * querySimilarity[i];
            // The dependent part of a compound name (Saif Allah, Abd al-Karim) agrees with the other part, not as a name of its own.
            if (querySimilarity[i] >= MatchedFloor && !query[i].CompoundPart)
            {
                matched++;
            }

            if (query[i].HasDigit)
            {
                queryDigits = true;
                digitsAgree |= querySimilarity[i] >= 1.0f;
            }
        }

        var nameDigits = false;
        var allAligned = matched == query.Length;
        for (var j = 0; j < name.Length; j++)
        {
            nTotal += nameWeights[j];
            nCovered += nameWeights[j] * nameSimilarity[j];
            nameDigits |= name[j].HasDigit;
            allAligned &= nameSimilarity[j] >= MatchedFloor;
        }

        var qc = qCovered / qTotal;
        var nc = nCovered / nTotal;
        var better = Math.Max(qc, nc);
        var worse = Math.Min(qc, nc);
        // Every word of both names aligned: what coverage lacks is similarity, not a missing name, so the smallest penalty.
        var penalty = matched >= 3 || allAligned ? 0.25 : matched == 2 ? 0.3 : 0.6;
        var score = better * (1.0 - (penalty * (1.0 - worse)));
        if (queryDigits && nameDigits && !digitsAgree)
        {
            // Numbers must agree: "Vessel 12" is not "Vessel 13".
            score *= 0.6;
        }

        return Math.Clamp(score, 0.0, 1.0);
    }
}
