using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Indexing;

/// <summary>
/// The tokens a token retrieves (equal text, phonetic key, consonant skeleton against abjad tokens, one deletion
/// apart for a Latin token), used at query time for tokens the index does not know, and at build time to precompute, for every
/// vocabulary token, its similar tokens with their similarity, so a query token the index knows costs no
/// Jaro-Winkler and no hashing.
/// </summary>
internal static class TokenNeighbours
{
    /// <summary>Adds to <paramref name="output"/> the ids of the vocabulary tokens <paramref name="token"/> retrieves (may repeat).</summary>
    public static void Collect(IndexSegment segment, NameToken token, List<int> output)
    {
        if (segment.TokenIds.TryGetValue(token.Text, out var exact))
        {
            output.Add(exact);
        }

        if (token.Text.Length == 1 || token.HasDigit)
        {
            return;
        }

        if (segment.ByKey.TryGetValue(token.Key, out var sameKey))
        {
            output.AddRange(sameKey);
        }

        if (!ReferenceEquals(token.GlideKey, token.Key) && segment.ByKey.TryGetValue(token.GlideKey, out var sameGlideKey))
        {
            output.AddRange(sameGlideKey);
        }

        // Latin "ye" / "yo" that a Cyrillic round trip writes "e" (Kyong / Keng, Cayetano / Kaetano): the index files
        // each token under that reading's key too, so either spelling finds the other.
        if (!ReferenceEquals(token.YeKey, token.Key) && token.YeKey != token.GlideKey && segment.ByKey.TryGetValue(token.YeKey, out var sameYeKey))
        {
            output.AddRange(sameYeKey);
        }

        // A one-consonant skeleton (علي l, بو b) names hundreds of tokens and is weak evidence: such tokens are found by
        // text and key only.
        if (token.Consonants.Length > 1)
        {
            AddSkeleton(segment, token, token.Consonants, output);
            if (!ReferenceEquals(token.LooseConsonants, token.Consonants) && token.LooseConsonants.Length > 0)
            {
                AddSkeleton(segment, token, token.LooseConsonants, output);
            }
        }

        if (token.ArticleConsonants is not null)
        {
            AddSkeleton(segment, token, token.ArticleConsonants, output);
        }

        // No deletion neighbourhood for a token written in an abjad: its text is a skeleton with the long vowels, so the
        // Latin tokens one letter away either share a skeleton the lookups above found or fail the skeleton comparison
        // (leaving it out changes no result of the accuracy harness, and makes Arabic-script queries 8% faster).
        var text = token.Text.AsSpan();
        if (token.Abjad || text.Length < DeletionHash.MinLength - 1 || text.Length > 24)
        {
            return;
        }

        AddDeletion(segment, DeletionHash.Of(text, -1), output);
        if (text.Length >= DeletionHash.MinLength)
        {
            for (var skip = 0; skip < text.Length; skip++)
            {
                if (skip > 0 && text[skip] == text[skip - 1])
                {
                    continue;
                }

                AddDeletion(segment, DeletionHash.Of(text, skip), output);
            }
        }
    }

    /// <summary>
    /// Computes the neighbours (sorted by id, similarity above 0) of every vocabulary token that occurs in at least
    /// <see cref="MinPostings"/> names and stores them in the segment; the rest (a name's one-off spellings) are retrieved
    /// live like unknown tokens, which keeps the build within budget.
    /// </summary>
    public const int MinPostings = 2;

    public static void Precompute(IndexSegment segment)
    {
        var vocabulary = segment.Vocabulary;
        var lists = new (int[] Ids, float[] Similarities)[vocabulary.Length];
        Parallel.For(
            0,
            vocabulary.Length,
            () => new List<int>(),
            (id, _, buffer) =>
            {
                if (segment.Postings[id].Length < MinPostings)
                {
                    lists[id] = ([], []);
                    return buffer;
                }

                buffer.Clear();
                Collect(segment, vocabulary[id], buffer);
                buffer.Sort();
                var ids = new List<int>(buffer.Count);
                var similarities = new List<float>(buffer.Count);
                for (var k = 0; k < buffer.Count; k++)
                {
                    if (k > 0 && buffer[k] == buffer[k - 1])
                    {
                        continue;
                    }

                    var s = (float)TokenSimilarity.Compute(vocabulary[id], vocabulary[buffer[k]]);
                    if (s > 0)
                    {
                        ids.Add(buffer[k]);
                        similarities.Add(s);
                    }
                }

                lists[id] = ([.. ids], [.. similarities]);
                return buffer;
            },
            _ => { });

        var start = new int[vocabulary.Length + 1];
        for (var id = 0; id < lists.Length; id++)
        {
            start[id + 1] = start[id] + lists[id].Ids.Length;
        }

        var allIds = new int[start[^1]];
        var allSimilarities = new float[start[^1]];
        for (var id = 0; id < lists.Length; id++)
        {
            lists[id].Ids.CopyTo(allIds, start[id]);
            lists[id].Similarities.CopyTo(allSimilarities, start[id]);
        }

        var known = new bool[vocabulary.Length];
        for (var id = 0; id < known.Length; id++)
        {
            known[id] = segment.Postings[id].Length >= MinPostings;
        }

        var sketches = new TokenSketch[vocabulary.Length];
        var abjadSketches = new AbjadSketch[vocabulary.Length];
        var latinViews = new LatinView[vocabulary.Length];
        Parallel.For(0, (vocabulary.Length + 4095) / 4096, chunk =>
        {
            for (var id = chunk * 4096; id < Math.Min(vocabulary.Length, (chunk + 1) * 4096); id++)
            {
                sketches[id] = new TokenSketch(vocabulary[id]);
                abjadSketches[id] = new AbjadSketch(vocabulary[id]);
                latinViews[id] = new LatinView(vocabulary[id]);
            }
        });

        segment.Sketches = sketches;
        segment.AbjadSketches = abjadSketches;
        segment.LatinViews = latinViews;
        segment.HasNeighbours = known;
        segment.NeighbourStart = start;
        segment.NeighbourIds = allIds;
        segment.NeighbourSimilarities = allSimilarities;
    }

    private static void AddSkeleton(IndexSegment segment, NameToken token, string skeleton, List<int> output)
    {
        if (segment.ByConsonants.TryGetValue(skeleton, out var sameConsonants))
        {
            foreach (var id in sameConsonants)
            {
                if (token.Abjad || segment.Vocabulary[id].Abjad)
                {
                    output.Add(id);
                }
            }
        }
    }

    private static void AddDeletion(IndexSegment segment, ulong hash, List<int> output)
    {
        var at = segment.FindDeletion(hash);
        if (at < 0)
        {
            return;
        }

        for (; at < segment.DeletionHashes.Length && segment.DeletionHashes[at] == hash; at++)
        {
            output.Add(segment.DeletionTokens[at]);
        }
    }
}
