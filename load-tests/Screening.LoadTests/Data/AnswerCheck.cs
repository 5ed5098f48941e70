using Screening.Contracts.V1;

namespace Screening.LoadTests.Data;

/// <summary>Judges an answer against its expectation; returns why it is wrong, or null.</summary>
public static class AnswerCheck
{
    public const string WrongAnswer = "WrongAnswer";

    public static string? Verify(ScreenResponse response, Expectation expected, IReadOnlySet<string> generatedLists, IReadOnlySet<string>? subscribedJurisdictions = null)
    {
        if (string.IsNullOrEmpty(response.ScreeningId))
        {
            return "no screening_id (audit record id)";
        }

        if ((response.Hits.Count > 0) != (response.Decision == Decision.PotentialMatch))
        {
            return $"decision {response.Decision} with {response.Hits.Count} hits";
        }

        if (subscribedJurisdictions is not null)
        {
            foreach (var v in response.ListVersions)
            {
                var jurisdiction = v.ListId[..Math.Max(0, v.ListId.IndexOf('/', StringComparison.Ordinal))];
                if (!subscribedJurisdictions.Contains(jurisdiction))
                {
                    return $"used list {v.ListId}, which the tenant does not subscribe to";
                }
            }

            foreach (var list in generatedLists)
            {
                var jurisdiction = list[..list.IndexOf('/', StringComparison.Ordinal)];
                if (subscribedJurisdictions.Contains(jurisdiction) && !response.ListVersions.Any(v => v.ListId == list))
                {
                    return $"did not use subscribed list {list}";
                }
            }
        }

        if (expected.DesignationId is null)
        {
            var stray = response.Hits.FirstOrDefault(h => generatedLists.Contains(h.ListId));
            return stray is null ? null : $"clean subject '{string.Join(" | ", response.Hits.Select(h => h.MatchedName))}' hit {stray.DesignationId} ({stray.Score:F3})";
        }

        var found = response.Hits.Any(h => h.DesignationId == expected.DesignationId);
        return found == expected.MustHit
            ? null
            : expected.MustHit
                ? $"listed subject {response.ClientReference} missed {expected.DesignationId} ({response.Hits.Count} hits)"
                : $"{expected.DesignationId} hit although the tenant does not subscribe to its list";
    }
}
