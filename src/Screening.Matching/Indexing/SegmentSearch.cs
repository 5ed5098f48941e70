using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Indexing;

/// <summary>
/// Runs one normalised query name against one segment: retrieves similar vocabulary tokens (exact text, phonetic key,
/// consonant skeleton against abjad tokens, deletion neighbourhood, merged and split forms), accumulates rarity-
/// weighted evidence over the posting lists, keeps the best candidates, and scores each with <see cref="NameAligner"/>.
/// </summary>
internal static class SegmentSearch
{
    /// <summary>Weak (low-quality) aliases must match more closely: their name score is multiplied by this.</summary>
    public const double WeakAliasFactor = 0.9;

    /// <summary>Cost of a query word left unmatched against a listed organisation (see <see cref="ListedKindFactor"/>).</summary>
    public const double UnmatchedOrganisationWordCost = 0.25;

    private const float MergedEstimate = 0.9f;

    /// <summary>Neighbours at least this similar (same text, spelling variants) are walked even for a common query token.</summary>
    private const float StrongSimilarity = 0.95f;

    /// <summary>Most neighbours of skipped tokens looked up in the names over the floor (<see cref="CreditSkippedNeighbours"/>).</summary>
    private const int MaxSkippedNeighbours = 2048;

    /// <summary>A query token whose retrieved neighbours are all less similar than this may align with one retrieval missed.</summary>
    private const float UnretrievedBelow = 0.9f;

    /// <summary>Similarity the candidate bound assumes for such a token (about the best an unretrieved spelling scores).</summary>
    private const float UnretrievedCredit = 0.9f;

    /// <summary>
    /// Shortest unknown Latin query token counted like an unretrieved abjad token: a spelling two or more edits away
    /// (jeleznjak / zheleznyak, ladjnat / lajnat) is not in the deletion neighbourhood, yet Jaro-Winkler credits it.
    /// </summary>
    private const int MinUnretrievedLatin = 5;

    /// <summary>Most postings walked for the strong neighbours of a skipped token: a rare exact word, not a common name.</summary>
    private const int StrongWalkCap = 256;

    /// <summary>
    /// Margin under the lowest name score searched for (the threshold less what the query's attributes can add) down to
    /// which the candidate bound admits names: the bound counts merged and unretrieved tokens at estimated similarities.
    /// It was 0.05 under the threshold itself, covering attributes too, until the attributes were counted per query;
    /// with 0 the accuracy harness finds exactly the same hits at the production threshold (13,853 pairs).
    /// </summary>
    private const float BoundMargin = 0.01f;

    public static void Run(
        IndexSegment segment,
        int segmentIndex,
        IndexSegment reference,
        ulong[] removed,
        NormalisedName queryName,
        int queryNameIndex,
        double minNameScore,
        SearchScratch scratch,
        Dictionary<long, EntryCandidate> best)
    {
        var query = queryName.Informative;
        var nq = query.Length;
        if (nq == 0 || segment.NameCount == 0)
        {
            return;
        }

        scratch.Begin(segment.NameCount);
        scratch.PrepareAbjad(query);
        Span<float> queryWeights = stackalloc float[nq];
        for (var i = 0; i < nq; i++)
        {
            Retrieve(segment, query, i, scratch);
            queryWeights[i] = QueryWeight(segment, reference, query[i], i, scratch);
        }

        RetrieveMergedAndSplit(segment, query, scratch);
        Accumulate(segment, queryWeights, scratch);
        var candidates = SelectCandidates(segment, removed, queryWeights, query, minNameScore, scratch);
        if (candidates == SearchScratch.MaxCandidates && CreditSkippedNeighbours(segment, query, queryWeights, scratch))
        {
            candidates = SelectCandidates(segment, removed, queryWeights, query, minNameScore, scratch);
        }

        if (candidates == 0)
        {
            return;
        }

        Span<TokenSketch> querySketches = stackalloc TokenSketch[nq];
        Span<AbjadSketch> queryAbjad = stackalloc AbjadSketch[nq];
        for (var i = 0; i < nq; i++)
        {
            querySketches[i] = new TokenSketch(query[i]);
            queryAbjad[i] = new AbjadSketch(query[i]);
        }

        Span<float> similarity = stackalloc float[nq * NameAligner.MaxTokens];
        Span<int> queryToName = stackalloc int[nq];
        Span<float> querySimilarity = stackalloc float[nq];
        Span<int> nameToQuery = stackalloc int[NameAligner.MaxTokens];
        Span<float> nameSimilarity = stackalloc float[NameAligner.MaxTokens];
        Span<float> nameWeights = stackalloc float[NameAligner.MaxTokens];
        Span<NameToken> nameTokens = new NameToken[NameAligner.MaxTokens];
        float[]? keptWeights = null;
        for (var c = 0; c < candidates; c++)
        {
            var nameIndex = scratch.HeapNames[c];
            var ids = segment.NameTokens[nameIndex];
            var nn = Math.Min(ids.Length, NameAligner.MaxTokens);
            for (var j = 0; j < nn; j++)
            {
                nameTokens[j] = segment.Vocabulary[ids[j]];
                nameWeights[j] = segment.Weights[ids[j]];
                for (var i = 0; i < nq; i++)
                {
                    similarity[(i * nn) + j] = SimilarityOf(segment, query, querySketches, queryAbjad, i, ids[j], scratch);
                }
            }

            var score = NameAligner.Align(
                query, queryWeights, nameTokens[..nn], nameWeights[..nn], similarity[..(nq * nn)],
                queryToName, querySimilarity, nameToQuery, nameSimilarity);
            score *= ListedKindFactor(segment, nameIndex, query, scratch, queryWeights, querySimilarity[..nq], nameSimilarity[..nn]);
            if (segment.NameWeak[nameIndex])
            {
                score *= WeakAliasFactor;
            }

            var entry = segment.NameEntry[nameIndex];
            var key = ((long)segmentIndex << 32) | (uint)entry;
            if (!best.TryGetValue(key, out var existing) || score > existing.NameScore)
            {
                best[key] = new EntryCandidate
                {
                    Segment = segmentIndex,
                    Entry = entry,
                    NameScore = score,
                    QueryName = queryNameIndex,
                    Name = nameIndex,
                    QueryWeights = keptWeights ??= queryWeights.ToArray(),
                };
            }
        }
    }

    /// <summary>
    /// Scores one (query name, indexed name) pair with full detail, for explanations and identifier hits.
    /// <paramref name="knownWeights"/> are the query's token weights from the search pass over this segment, when there
    /// was one: the pass then need not be repeated (an unknown token's weight comes from its retrieved neighbours, and
    /// for an Arabic-script query that live retrieval is most of the search's cost); the scores are the same.
    /// </summary>
    public static double ScorePair(
        IndexSegment segment,
        IndexSegment reference,
        NormalisedName queryName,
        int nameIndex,
        float[]? knownWeights,
        out float[] queryWeights,
        out int[] queryToName,
        out float[] querySimilarity,
        out int[] nameToQuery,
        out float[] nameSimilarity,
        out float[] nameWeights)
    {
        var query = queryName.Informative;
        var ids = segment.NameTokens[nameIndex];
        var nq = query.Length;
        var nn = Math.Min(ids.Length, NameAligner.MaxTokens);
        var scratch = SearchScratch.ForExplanations();
        scratch.Begin(0);
        scratch.PrepareAbjad(query);
        if (knownWeights is not null && knownWeights.Length == nq)
        {
            // Similarities are looked up in the known tokens' neighbour lists and computed for the rest, as in the pass.
            queryWeights = knownWeights;
            for (var i = 0; i < nq; i++)
            {
                SetNeighbourRange(segment, query[i], i, scratch);
            }
        }
        else
        {
            queryWeights = new float[nq];
            for (var i = 0; i < nq; i++)
            {
                Retrieve(segment, query, i, scratch);
                queryWeights[i] = QueryWeight(segment, reference, query[i], i, scratch);
            }
        }

        var querySketches = new TokenSketch[nq];
        var queryAbjad = new AbjadSketch[nq];
        for (var i = 0; i < nq; i++)
        {
            querySketches[i] = new TokenSketch(query[i]);
            queryAbjad[i] = new AbjadSketch(query[i]);
        }

        var nameTokens = new NameToken[nn];
        nameWeights = new float[nn];
        var similarity = new float[nq * nn];
        for (var j = 0; j < nn; j++)
        {
            nameTokens[j] = segment.Vocabulary[ids[j]];
            nameWeights[j] = segment.Weights[ids[j]];
            for (var i = 0; i < nq; i++)
            {
                similarity[(i * nn) + j] = SimilarityOf(segment, query, querySketches, queryAbjad, i, ids[j], scratch);
            }
        }

        queryToName = new int[nq];
        querySimilarity = new float[nq];
        nameToQuery = new int[nn];
        nameSimilarity = new float[nn];
        var score = nq == 0 || nn == 0 ? 0.0 : NameAligner.Align(
            query, queryWeights, nameTokens, nameWeights, similarity, queryToName, querySimilarity, nameToQuery, nameSimilarity);
        score *= ListedKindFactor(segment, nameIndex, query, scratch, queryWeights, querySimilarity, nameSimilarity);
        return segment.NameWeak[nameIndex] ? score * WeakAliasFactor : score;
    }

    /// <summary>
    /// A listed organisation's name wholly found in the query while the query has words of its own left unmatched
    /// ("RODRIGUEZ DAESONG TRADING" / "DAESONG TRADING COMPANY") names another organisation more often than not: a
    /// distinctive extra word in a company name is rarely a dropped part, unlike a person's middle name. The score is
    /// multiplied by 1 - <see cref="UnmatchedOrganisationWordCost"/> x the weight share of unmatched query words.
    /// </summary>
    private static double ListedKindFactor(
        IndexSegment segment, int nameIndex, NameToken[] query, SearchScratch scratch, ReadOnlySpan<float> queryWeights, ReadOnlySpan<float> querySimilarity, ReadOnlySpan<float> nameSimilarity)
    {
        // A misspelt or badly transliterated word leaves its counterpart in the listed name unmatched too: only a
        // listed name matched in full marks the query's unmatched words as extra.
        // The unmatched-token test first: it reads only this candidate's alignment, while the kind costs two dependent
        // loads (the name's entry, then the entry) at a random place in memory.
        if (nameSimilarity.ContainsAnyInRange(float.MinValue, 0f) || segment.Entries[segment.NameEntry[nameIndex]].Kind != SubjectKind.Entity)
        {
            return 1.0;
        }

        double total = 0, unmatched = 0;
        for (var i = 0; i < querySimilarity.Length; i++)
        {
            total += queryWeights[i];
            if (querySimilarity[i] > 0)
            {
                continue;
            }

            if (scratch.ExtraWord[i] == 0)
            {
                scratch.ExtraWord[i] = NoiseWords.IsShortOrNearLegalForm(query[i].Text) ? (byte)2 : (byte)1;
            }

            if (scratch.ExtraWord[i] == 1)
            {
                unmatched += queryWeights[i];
            }
        }

        return total > 0 ? 1.0 - (UnmatchedOrganisationWordCost * unmatched / total) : 1.0;
    }

    private static float SimilarityOf(
        IndexSegment segment, NameToken[] query, ReadOnlySpan<TokenSketch> querySketches, ReadOnlySpan<AbjadSketch> queryAbjad, int i, int tokenId, SearchScratch scratch)
    {
        // A query token written in an abjad against a Latin token: decided by the Latin token's dense view where it can be.
        if (query[i].Abjad && AbjadPairs.TryScore(scratch.AbjadQueries[i], segment.LatinViews[tokenId], out var decided))
        {
            return (float)decided;
        }

        // Most pairs scored here are different names: their sketches say so without the token objects (a neighbour
        // with a similarity above 0 is never certainly unlike).
        if (TokenSketch.CertainlyUnlike(querySketches[i], queryAbjad[i], segment.Sketches[tokenId], segment.AbjadSketches[tokenId]))
        {
            return 0f;
        }

        var from = scratch.NeighbourFrom[i];
        if (from >= 0)
        {
            var found = Array.BinarySearch(segment.NeighbourIds, from, scratch.NeighbourTo[i] - from, tokenId);
            if (found >= 0)
            {
                return segment.NeighbourSimilarities[found];
            }
        }

        // (An abjad query token's view was asked above: what it could not decide is computed here.)
        var key = ((long)i << 32) | (uint)tokenId;
        if (!scratch.Similarities.TryGetValue(key, out var s))
        {
            s = (float)TokenSimilarity.Compute(query[i], segment.Vocabulary[tokenId]);
            scratch.Similarities[key] = s;
        }

        return s;
    }

    /// <summary>
    /// Points query token <paramref name="i"/> at its precomputed neighbours when the index knows it and returns its id;
    /// else points it at none and returns -1.
    /// </summary>
    private static int SetNeighbourRange(IndexSegment segment, NameToken token, int i, SearchScratch scratch)
    {
        if (segment.TokenIds.TryGetValue(token.Text, out var known) && segment.HasNeighbours[known] && segment.Vocabulary[known].Abjad == token.Abjad)
        {
            scratch.NeighbourFrom[i] = segment.NeighbourStart[known];
            scratch.NeighbourTo[i] = segment.NeighbourStart[known + 1];
            return known;
        }

        scratch.NeighbourFrom[i] = -1;
        return -1;
    }

    private static void Retrieve(IndexSegment segment, NameToken[] query, int i, SearchScratch scratch)
    {
        var token = query[i];
        var known = SetNeighbourRange(segment, token, i, scratch);
        if (known >= 0)
        {
            // A token the index knows: its similar tokens were found and scored when the index was built.
            var from = scratch.NeighbourFrom[i];
            var to = scratch.NeighbourTo[i];
            for (var k = from; k < to; k++)
            {
                scratch.Retrieved.Add((i, segment.NeighbourIds[k], segment.NeighbourSimilarities[k]));
            }

            // The indexed spelling never followed a split article: its precomputed neighbours lack the article reading.
            if (token.ArticleConsonants is not null && segment.Vocabulary[known].ArticleConsonants is null
                && segment.ByConsonants.TryGetValue(token.ArticleConsonants, out var withArticle))
            {
                foreach (var id in withArticle)
                {
                    if (!segment.Vocabulary[id].Abjad && Array.BinarySearch(segment.NeighbourIds, from, to - from, id) < 0)
                    {
                        Consider(segment, query, i, id, scratch);
                    }
                }
            }

            return;
        }

        var candidates = scratch.CandidateTokens;
        candidates.Clear();
        TokenNeighbours.Collect(segment, token, candidates);
        foreach (var id in candidates)
        {
            Consider(segment, query, i, id, scratch);
        }
    }

    private static void Consider(IndexSegment segment, NameToken[] query, int i, int id, SearchScratch scratch)
    {
        var key = ((long)i << 32) | (uint)id;
        if (scratch.Similarities.ContainsKey(key))
        {
            return;
        }

        var s = (float)Compute(segment, query, i, id, scratch);
        scratch.Similarities[key] = s;
        if (s > 0)
        {
            scratch.Retrieved.Add((i, id, s));
        }
    }

    /// <summary>
    /// <see cref="TokenSimilarity.Compute"/> of query token <paramref name="i"/> and a vocabulary token; for a query token
    /// written in an abjad, from the dense views where they decide (<see cref="AbjadPairs"/>), without loading the
    /// vocabulary token's object and strings.
    /// </summary>
    private static double Compute(IndexSegment segment, NameToken[] query, int i, int tokenId, SearchScratch scratch) =>
        query[i].Abjad && AbjadPairs.TryScore(scratch.AbjadQueries[i], segment.LatinViews[tokenId], out var similarity)
            ? similarity
            : TokenSimilarity.Compute(query[i], segment.Vocabulary[tokenId]);

    private static void RetrieveMergedAndSplit(IndexSegment segment, NameToken[] query, SearchScratch scratch)
    {
        var lookup = segment.TokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> joined = stackalloc char[64];
        for (var i = 0; i < query.Length; i++)
        {
            var text = query[i].Text;
            if (i + 1 < query.Length && text.Length + query[i + 1].Text.Length <= joined.Length && text.Length > 1 && query[i + 1].Text.Length > 1)
            {
                text.AsSpan().CopyTo(joined);
                query[i + 1].Text.AsSpan().CopyTo(joined[text.Length..]);
                if (lookup.TryGetValue(joined[..(text.Length + query[i + 1].Text.Length)], out var id))
                {
                    scratch.Retrieved.Add((i, id, MergedEstimate));
                    scratch.Retrieved.Add((i + 1, id, MergedEstimate));
                }
            }

            if (text.Length >= 6 && !query[i].HasDigit && text.Length <= 24)
            {
                for (var k = 3; k <= text.Length - 3; k++)
                {
                    if (lookup.TryGetValue(text.AsSpan(0, k), out var left) && lookup.TryGetValue(text.AsSpan(k), out var right))
                    {
                        scratch.Retrieved.Add((i, left, MergedEstimate));
                        scratch.Retrieved.Add((i, right, MergedEstimate));
                    }
                }
            }
        }
    }

    private static float QueryWeight(IndexSegment segment, IndexSegment reference, NameToken token, int i, SearchScratch scratch)
    {
        if (token.Text.Length == 1 && !token.HasDigit)
        {
            return TokenWeights.Initial;
        }

        if (token.HasDigit)
        {
            return TokenWeights.Unknown(reference.ReferenceNameCount);
        }

        if (reference.WeightOf(token.Text) is { } known)
        {
            return known;
        }

        // Unknown spelling: weigh it like the closest indexed token; if none is close, like a unique token.
        var bestSimilarity = 0f;
        var weight = TokenWeights.Unknown(reference.ReferenceNameCount);
        foreach (var (q, id, s) in scratch.Retrieved)
        {
            if (q == i && s > bestSimilarity)
            {
                bestSimilarity = s;
                weight = segment.Weights[id];
            }
        }

        return weight;
    }

    private static void Accumulate(IndexSegment segment, ReadOnlySpan<float> queryWeights, SearchScratch scratch)
    {
        // A query token whose similar tokens together name more than `cap` names (mohammed, ali, trading) is not
        // walked when another query token is selective: its weight is counted as matched for every candidate (so the
        // bound stays an upper bound) and the aligner still scores it. Its strong neighbours (same text or a spelling
        // variant) are still walked when they are few (a rare word whose short skeleton names many others), and the
        // skipped rest then counts only at its best similarity: otherwise every name holding the selective token ties
        // at the top bound, and the listed name that holds the query's exact words can lose its candidate slot to them
        // ("Dedale Dakeke Nuda", whose short consonant skeletons name thousands of Arabic-script tokens).
        var cap = Math.Max(500, segment.NameCount / 200);
        Span<int> postingsPerToken = stackalloc int[queryWeights.Length];
        Span<int> strongPostingsPerToken = stackalloc int[queryWeights.Length];
        Span<float> bestWeak = stackalloc float[queryWeights.Length];
        foreach (var (q, id, s) in scratch.Retrieved)
        {
            postingsPerToken[q] += segment.Postings[id].Length;
            if (s >= StrongSimilarity)
            {
                strongPostingsPerToken[q] += segment.Postings[id].Length;
            }
            else if (s > bestWeak[q])
            {
                bestWeak[q] = s;
            }
        }

        var selective = false;
        for (var q = 0; q < postingsPerToken.Length; q++)
        {
            selective |= postingsPerToken[q] > 0 && postingsPerToken[q] <= cap;
        }

        // 0 walked, 1 weak neighbours skipped, 2 all skipped.
        var skipped = scratch.SkippedTokens.AsSpan(0, queryWeights.Length);
        for (var q = 0; q < postingsPerToken.Length && selective; q++)
        {
            if (postingsPerToken[q] <= cap)
            {
                continue;
            }

            if (strongPostingsPerToken[q] > 0 && strongPostingsPerToken[q] <= StrongWalkCap)
            {
                skipped[q] = 1;
                scratch.SkippedWeight += queryWeights[q] * bestWeak[q];
            }
            else
            {
                skipped[q] = 2;
                scratch.SkippedWeight += queryWeights[q];
            }
        }

        var states = scratch.Names;
        var stampValue = scratch.StampValue;
        var touched = scratch.Touched;
        var touchedCount = scratch.TouchedCount;
        foreach (var (q, id, s) in scratch.Retrieved)
        {
            if (skipped[q] == 2 || (skipped[q] == 1 && s < StrongSimilarity))
            {
                continue;
            }

            var postings = segment.Postings[id];

            var value = queryWeights[q] * s;
            var nameValue = segment.Weights[id] * s;
            foreach (var name in postings)
            {
                ref var state = ref states[name];
                if (state.Stamp != stampValue)
                {
                    state.Stamp = stampValue;
                    state.Accumulated = value;
                    state.Contribution = value;
                    state.Evidence = nameValue;
                    state.LastToken = q;
                    touched[touchedCount++] = name;
                }
                else if (state.LastToken != q)
                {
                    state.LastToken = q;
                    state.Contribution = value;
                    state.Accumulated += value;
                    state.Evidence += nameValue;
                }
                else if (value > state.Contribution)
                {
                    state.Accumulated += value - state.Contribution;
                    state.Contribution = value;
                    state.Evidence += nameValue;
                }
                else
                {
                    state.Evidence += nameValue;
                }
            }
        }

        scratch.TouchedCount = touchedCount;
    }

    /// <summary>
    /// A token skipped as too common (abdullah, hasan) counts as matched for every name, so all names that hold the walked
    /// tokens tie at the bound: the listed name that also holds the skipped word could lose its candidate slot ("AL-HASAN,
    /// Abdallah" searched verbatim was not found), and the slots go to names that hold the rare words alone, each then
    /// aligned for nothing (32 alignments, most of a common-name query's time). So when the candidate heap came out full,
    /// the skipped tokens' neighbours (all of them for a token skipped whole, the weak ones for a token whose strong
    /// neighbours were walked; a few hundred token ids) are looked up among the few tokens of each name the first
    /// selection kept (over the floor) and credited like walked evidence: for those names the walk is then complete,
    /// and the skipped weight leaves the bound, which falls to what the name holds. A token with more neighbours than
    /// <see cref="MaxSkippedNeighbours"/> keeps its weight in the bound. Returns false when nothing was credited.
    /// </summary>
    private static bool CreditSkippedNeighbours(IndexSegment segment, NameToken[] query, ReadOnlySpan<float> queryWeights, SearchScratch scratch)
    {
        var nq = queryWeights.Length;
        var skipped = scratch.SkippedTokens;

        // A query written in an abjad keeps the skipped weight in its bound: the aligner finds similar spellings its
        // skeleton retrieval does not (Jaro-Winkler of skeletons, tokens romanised apart). Only the strong neighbours of
        // its tokens skipped whole are credited, to break the ties.
        var exact = Array.TrueForAll(query, static t => !t.Abjad);
        Span<int> count = stackalloc int[nq];
        Span<float> bestWeak = stackalloc float[nq];
        foreach (var (q, _, s) in scratch.Retrieved)
        {
            if (s < StrongSimilarity && s > bestWeak[q])
            {
                bestWeak[q] = s;
            }

            if (IsSkippedNeighbour(skipped[q], s, exact))
            {
                count[q]++;
            }
        }

        // Whole tokens only, within the cap; the rest stay in the bound as skipped weight.
        Span<bool> credit = stackalloc bool[nq];
        var total = 0;
        var remaining = 0f;
        for (var q = 0; q < nq; q++)
        {
            var weight = skipped[q] == 2 ? queryWeights[q] : skipped[q] == 1 ? queryWeights[q] * bestWeak[q] : 0f;
            if (count[q] > 0 && total + count[q] <= MaxSkippedNeighbours)
            {
                credit[q] = true;
                total += count[q];
                remaining += exact ? 0f : weight;
            }
            else
            {
                remaining += weight;
            }
        }

        if (total == 0)
        {
            return false;
        }

        // Chain the entries of each token id (a token may neighbour several query tokens) from its mark.
        var entries = scratch.SkippedNeighbours;
        entries.Clear();
        scratch.EnsureSkippedMark(segment.Vocabulary.Length);
        var mark = scratch.SkippedMark;
        foreach (var (q, id, s) in scratch.Retrieved)
        {
            if (credit[q] && IsSkippedNeighbour(skipped[q], s, exact))
            {
                entries.Add((q, s, mark[id] - 1));
                mark[id] = entries.Count;
            }
        }

        Span<float> credited = stackalloc float[nq];
        var states = scratch.Names;
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var name = scratch.Touched[t];
            var touchedSkipped = false;
            foreach (var id in segment.NameTokens[name])
            {
                if (mark[id] == 0)
                {
                    continue;
                }

                if (!touchedSkipped)
                {
                    credited.Clear();
                    touchedSkipped = true;
                }

                for (var k = mark[id] - 1; k >= 0; k = entries[k].Next)
                {
                    var (q, s, _) = entries[k];
                    if (s > credited[q])
                    {
                        states[name].Accumulated += queryWeights[q] * (s - credited[q]);
                        states[name].Evidence += segment.Weights[id] * s;
                        credited[q] = s;
                    }
                }
            }
        }

        foreach (var (_, id, _) in scratch.Retrieved)
        {
            mark[id] = 0;
        }

        scratch.SkippedWeight = remaining;
        return true;
    }

    /// <summary>
    /// Whether a retrieved neighbour of a query token in walk state <paramref name="skippedState"/> was left unwalked and
    /// is to be credited: all such neighbours when the credit makes the bound <paramref name="exact"/>, else (only breaking
    /// ties) the strong neighbours of a token skipped whole.
    /// </summary>
    private static bool IsSkippedNeighbour(byte skippedState, float similarity, bool exact) =>
        exact ? skippedState == 2 || (skippedState == 1 && similarity < StrongSimilarity) : skippedState == 2 && similarity >= StrongSimilarity;

    private static int SelectCandidates(
        IndexSegment segment,
        ulong[] removed,
        ReadOnlySpan<float> queryWeights,
        NameToken[] query,
        double minNameScore,
        SearchScratch scratch)
    {
        var total = 0f;
        var initials = 0f;
        Span<float> bestRetrieved = stackalloc float[queryWeights.Length];
        foreach (var (q, _, s) in scratch.Retrieved)
        {
            bestRetrieved[q] = Math.Max(bestRetrieved[q], s);
        }

        // An abjad query token that retrieved no close neighbour may still align with a spelling retrieval does not reach
        // (Jaro-Winkler on a skeleton: نبجسا / Nebojsa; a one-consonant skeleton: اس / Oasis), and so may one with a
        // one-consonant skeleton whatever it retrieved (جي is Ji and Gaye, ادي is Adai and Audio: such skeletons are looked
        // up by text and key only, so its close neighbours are a few of many), and so may a Latin token
        // the index does not know, beyond its deletion neighbourhood (jeleznjak / zheleznyak). Count it as matched at
        // UnretrievedCredit on both sides of the bound (on the name side as if it aligned with a name token of its own
        // weight), or every listed name holding it falls under the floor at a production threshold.
        var unretrieved = 0f;
        for (var i = 0; i < queryWeights.Length; i++)
        {
            total += queryWeights[i];
            if (query[i].Text.Length == 1)
            {
                initials += queryWeights[i];
            }
            else if (MayAlignUnretrieved(query[i], bestRetrieved[i], scratch.NeighbourFrom[i] < 0))
            {
                unretrieved += queryWeights[i] * UnretrievedCredit;
            }
        }

        // Upper bound of the aligner's score from the evidence: better * (1 - 0.25 * (1 - worse)) over the query-side
        // and name-side coverage estimates (both over-estimate the aligned coverage; initials are not retrieved, so with
        // initials the name side counts its unmatched tokens at an initial's similarity, see NameBoundWithInitials; with
        // skipped weight left, only the query side bounds). Names that cannot reach minNameScore are not scored; the rest are
        // ranked by the bound. BoundMargin covers the estimates in the bound (merged and unretrieved tokens).
        var floor = (float)minNameScore - BoundMargin;
        var names = scratch.HeapNames;
        var scores = scratch.HeapScores;
        var size = 0;
        var states = scratch.Names;
        var touched = scratch.Touched;
        var kept = 0;
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var name = touched[t];
            ref readonly var state = ref states[name];
            var qc = Math.Min(1f, (state.Accumulated + initials + scratch.SkippedWeight + unretrieved) / total);
            var nc = scratch.SkippedWeight > 0 ? 1f
                : initials > 0 ? NameBoundWithInitials(state.Evidence + unretrieved, segment.NameWeight[name], segment.NameInitialWeight[name])
                : Math.Min(1f, (state.Evidence + unretrieved) / segment.NameWeight[name]);
            var better = Math.Max(qc, nc);
            var worse = Math.Min(qc, nc);
            var value = better * (1f - (0.25f * (1f - worse)));
            if (value < floor)
            {
                continue;
            }

            // Ties of the bound (common when tokens were skipped) go to the name with more evidence actually walked.
            value += 1e-3f * Math.Min(1f, state.Accumulated / total);

            var entry = segment.NameEntry[name];
            if ((removed[entry >> 6] & (1UL << (entry & 63))) != 0)
            {
                continue;
            }

            touched[kept++] = name;
            if (size < names.Length)
            {
                names[size] = name;
                scores[size] = value;
                SiftUp(names, scores, size++);
            }
            else if (value > scores[0])
            {
                names[0] = name;
                scores[0] = value;
                SiftDown(names, scores, size);
            }
        }

        // Only names over the floor are kept touched: crediting skipped tokens' neighbours (which only reorders names
        // the bound already admits) and the second selection then visit these alone.
        scratch.TouchedCount = kept;
        return size;
    }

    /// <summary>
    /// Name-side coverage bound for a query with initials, which are not retrieved: a query initial aligns with one name
    /// token at <see cref="TokenSimilarity.InitialScore"/> (or, a single letter itself, up to 1), so the name's tokens
    /// beyond the retrieved evidence <paramref name="evidence"/> are covered at most that much, not wholly.
    /// </summary>
    private static float NameBoundWithInitials(float evidence, float nameWeight, float initialWeight)
    {
        var matched = Math.Min(evidence, nameWeight);
        var covered = matched + ((float)TokenSimilarity.InitialScore * (nameWeight - matched)) + ((1f - (float)TokenSimilarity.InitialScore) * initialWeight);
        return Math.Min(1f, covered / nameWeight);
    }

    /// <summary>
    /// Whether a query token may align with a spelling retrieval did not reach (see <see cref="SelectCandidates"/>): an
    /// abjad token whose best retrieved similarity is under <see cref="UnretrievedBelow"/> or whose skeleton has one
    /// consonant (no retrieval key), or a Latin token of <see cref="MinUnretrievedLatin"/>+ letters the index does not
    /// know (<paramref name="live"/>) that retrieved nothing close.
    /// </summary>
    private static bool MayAlignUnretrieved(NameToken token, float bestRetrieved, bool live) =>
        token.Abjad
            ? bestRetrieved < UnretrievedBelow || token.Consonants.Length <= 1
            : !token.HasDigit && token.Text.Length >= MinUnretrievedLatin && live && bestRetrieved < UnretrievedBelow;

    private static void SiftUp(int[] names, float[] scores, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (scores[parent] <= scores[i])
            {
                return;
            }

            (names[parent], names[i]) = (names[i], names[parent]);
            (scores[parent], scores[i]) = (scores[i], scores[parent]);
            i = parent;
        }
    }

    private static void SiftDown(int[] names, float[] scores, int size)
    {
        var i = 0;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= size)
            {
                return;
            }

            var smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[i] <= scores[smallest])
            {
                return;
            }

            (names[smallest], names[i]) = (names[i], names[smallest]);
            (scores[smallest], scores[i]) = (scores[i], scores[smallest]);
            i = smallest;
        }
    }
}
