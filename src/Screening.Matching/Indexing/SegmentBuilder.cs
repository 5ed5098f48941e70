using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Indexing;

/// <summary>Builds an <see cref="IndexSegment"/> from entries; name normalisation and the deletion neighbourhood run in parallel.</summary>
internal static class SegmentBuilder
{
    /// <summary>
    /// Builds a segment. Weights come from <paramref name="reference"/> when given (a small delta segment), else from the
    /// segment itself. With <paramref name="prepared"/> (per entry, its names normalised), names are not normalised again.
    /// </summary>
    public static IndexSegment Build(IReadOnlyList<DesignationEntry> entries, IndexSegment? reference, IReadOnlyList<NormalisedName[]>? prepared = null)
    {
        var nameEntry = new List<int>();
        var nameText = new List<string>();
        var nameWeak = new List<bool>();
        var preparedNames = prepared is null ? null : new List<NormalisedName>();
        for (var e = 0; e < entries.Count; e++)
        {
            var names = entries[e].Names ?? [];
            for (var n = 0; n < names.Count && n < InputLimits.MaxNamesPerEntry; n++)
            {
                if (names[n]?.Text is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    nameEntry.Add(e);
                    nameText.Add(text);
                    nameWeak.Add(names[n].IsWeak);
                    preparedNames?.Add(prepared![e][n]);
                }
            }
        }

        NormalisedName[] normalised;
        if (preparedNames is not null)
        {
            normalised = [.. preparedNames];
        }
        else
        {
            normalised = new NormalisedName[nameText.Count];
            Parallel.For(0, normalised.Length, i => normalised[i] = NameNormaliser.Normalise(nameText[i]));
        }

        // Vocabulary and per-name token ids; names of one entry that normalise identically are kept once.
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<NameToken>();
        var frequency = new List<int>();
        var keptEntry = new List<int>();
        var keptText = new List<string>();
        var keptWeak = new List<bool>();
        var keptTokens = new List<int[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lastEntry = -1;
        var lastNameOfToken = new List<int>();
        for (var i = 0; i < normalised.Length; i++)
        {
            var name = normalised[i];
            if (name.IsEmpty)
            {
                continue;
            }

            // An entry's only name (a customer's, mostly) has no duplicate to drop: no signature needed.
            var onlyName = (i == 0 || nameEntry[i - 1] != nameEntry[i]) && (i + 1 == normalised.Length || nameEntry[i + 1] != nameEntry[i]);
            if (!onlyName)
            {
                if (nameEntry[i] != lastEntry)
                {
                    seen.Clear();
                    lastEntry = nameEntry[i];
                }

                var signature = string.Join(' ', name.Informative.Select(t => t.Text));
                if (!seen.Add(signature))
                {
                    continue;
                }
            }

            var nameIndex = keptEntry.Count;
            var ids = new int[name.Informative.Length];
            for (var t = 0; t < ids.Length; t++)
            {
                var token = name.Informative[t];
                if (!tokenIds.TryGetValue(token.Text, out var id))
                {
                    id = vocabulary.Count;
                    tokenIds.Add(token.Text, id);
                    vocabulary.Add(token);
                    frequency.Add(0);
                    lastNameOfToken.Add(-1);
                }
                else if ((token.Abjad && !vocabulary[id].Abjad) || (token.ArticleConsonants is not null && vocabulary[id].ArticleConsonants is null))
                {
                    vocabulary[id] = NameToken.Create(vocabulary[id].Text, true, vocabulary[id].Role, token.ArticleConsonants is not null);
                }

                ids[t] = id;
                if (lastNameOfToken[id] != nameIndex)
                {
                    lastNameOfToken[id] = nameIndex;
                    frequency[id]++;
                }
            }

            keptEntry.Add(nameEntry[i]);
            keptText.Add(nameText[i]);
            keptWeak.Add(nameWeak[i]);
            keptTokens.Add(ids);
        }

        NumberBySkeleton(vocabulary, frequency, tokenIds, keptTokens);
        var nameCount = keptEntry.Count;
        var referenceCount = reference?.ReferenceNameCount ?? nameCount;
        var weights = new float[vocabulary.Count];
        for (var id = 0; id < weights.Length; id++)
        {
            var token = vocabulary[id];
            weights[id] = token.Text.Length == 1 && !token.HasDigit ? TokenWeights.Initial
                : token.HasDigit ? TokenWeights.Unknown(referenceCount)
                : reference?.WeightOf(token.Text) ?? TokenWeights.FromFrequency(frequency[id], referenceCount);
        }

        var nameWeight = new float[nameCount];
        var nameInitialWeight = new float[nameCount];
        for (var n = 0; n < nameCount; n++)
        {
            foreach (var id in keptTokens[n])
            {
                nameWeight[n] += weights[id];
                if (vocabulary[id].Text.Length == 1)
                {
                    nameInitialWeight[n] += weights[id];
                }
            }
        }

        var postings = new int[vocabulary.Count][];
        for (var id = 0; id < postings.Length; id++)
        {
            postings[id] = new int[frequency[id]];
        }

        var fill = new int[vocabulary.Count];
        for (var n = 0; n < nameCount; n++)
        {
            foreach (var id in keptTokens[n])
            {
                var list = postings[id];
                if (fill[id] == 0 || list[fill[id] - 1] != n)
                {
                    list[fill[id]++] = n;
                }
            }
        }

        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byConsonants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var token = vocabulary[id];
            if (token.Text.Length < 2 || token.HasDigit)
            {
                continue;
            }

            Add(byKey, token.Key, id);
            if (!ReferenceEquals(token.GlideKey, token.Key))
            {
                Add(byKey, token.GlideKey, id);
            }

            if (!ReferenceEquals(token.YeKey, token.Key) && token.YeKey != token.GlideKey)
            {
                Add(byKey, token.YeKey, id);
            }
            if (token.Consonants.Length > 0)
            {
                Add(byConsonants, token.Consonants, id);
                if (!ReferenceEquals(token.LooseConsonants, token.Consonants) && token.LooseConsonants.Length > 0)
                {
                    Add(byConsonants, token.LooseConsonants, id);
                }

                if (token.ArticleConsonants is not null)
                {
                    Add(byConsonants, token.ArticleConsonants, id);
                }
            }
        }

        var (hashes, hashTokens) = BuildDeletions(vocabulary);
        var byIdentifier = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var identifier in entries[e].Identifiers ?? [])
            {
                var value = IdentifierText.Canonical(identifier?.Value);
                if (value.Length >= 4)
                {
                    Add(byIdentifier, value, e);
                }
            }
        }

        var segment = new IndexSegment
        {
            Entries = [.. entries],
            NameEntry = [.. keptEntry],
            NameText = [.. keptText],
            NameWeak = [.. keptWeak],
            NameTokens = [.. keptTokens],
            NameWeight = nameWeight,
            NameInitialWeight = nameInitialWeight,
            Vocabulary = [.. vocabulary],
            Weights = weights,
            TokenIds = tokenIds,
            Postings = postings,
            ByKey = byKey.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            ByConsonants = byConsonants.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            DeletionHashes = hashes,
            DeletionTokens = hashTokens,
            DeletionSlots = IndexSegment.BuildSlots(hashes),
            ByIdentifier = byIdentifier.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal),
            ReferenceNameCount = referenceCount,
        };
        TokenNeighbours.Precompute(segment);
        return segment;
    }

    private static (ulong[] Hashes, int[] Tokens) BuildDeletions(List<NameToken> vocabulary)
    {
        var offsets = new int[vocabulary.Count + 1];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            offsets[id + 1] = offsets[id] + DeletionCount(vocabulary[id]);
        }

        var hashes = new ulong[offsets[^1]];
        var tokens = new int[offsets[^1]];
        Parallel.For(0, vocabulary.Count, id =>
        {
            var token = vocabulary[id];
            var count = DeletionCount(token);
            if (count == 0)
            {
                return;
            }

            var at = offsets[id];
            var text = token.Text.AsSpan();
            hashes[at] = DeletionHash.Of(text, -1);
            tokens[at++] = id;
            for (var skip = 0; skip < count - 1; skip++)
            {
                hashes[at] = DeletionHash.Of(text, skip);
                tokens[at++] = id;
            }
        });

        Array.Sort(hashes, tokens);
        return (hashes, tokens);
    }

    private static int DeletionCount(NameToken token)
    {
        if (token.HasDigit || token.Text.Length < DeletionHash.MinLength - 1 || token.Text.Length > 24)
        {
            return 0;
        }

        return token.Text.Length < DeletionHash.MinLength ? 1 : 1 + token.Text.Length;
    }

    /// <summary>
    /// Renumbers the vocabulary in order of consonant skeleton, then key, then text, so that the tokens one skeleton or
    /// key retrieves (an Arabic-script query token retrieves its ~40 Latin spellings by skeleton) have adjacent ids, and
    /// their entries in every per-token array (views, sketches, weights) share cache lines instead of costing a miss each.
    /// </summary>
    private static void NumberBySkeleton(List<NameToken> vocabulary, List<int> frequency, Dictionary<string, int> tokenIds, List<int[]> nameTokens)
    {
        var order = new int[vocabulary.Count];
        for (var id = 0; id < order.Length; id++)
        {
            order[id] = id;
        }

        Array.Sort(order, (x, y) =>
        {
            var byConsonants = string.CompareOrdinal(vocabulary[x].Consonants, vocabulary[y].Consonants);
            if (byConsonants != 0)
            {
                return byConsonants;
            }

            var byKey = string.CompareOrdinal(vocabulary[x].Key, vocabulary[y].Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(vocabulary[x].Text, vocabulary[y].Text);
        });

        var newId = new int[order.Length];
        var tokens = vocabulary.ToArray();
        var counts = frequency.ToArray();
        for (var rank = 0; rank < order.Length; rank++)
        {
            newId[order[rank]] = rank;
            vocabulary[rank] = tokens[order[rank]];
            frequency[rank] = counts[order[rank]];
            tokenIds[tokens[order[rank]].Text] = rank;
        }

        foreach (var ids in nameTokens)
        {
            for (var t = 0; t < ids.Length; t++)
            {
                ids[t] = newId[ids[t]];
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }

        list.Add(value);
    }
}
