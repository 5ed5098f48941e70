using System.Globalization;
using Screening.Contracts.V1;
using Screening.Grains.Screening;
using Screening.Matching;

namespace Screening.Api.Grpc;

/// <summary>Maps an engine outcome to the wire response.</summary>
public static class ScreeningResponseMapper
{
    /// <summary>The response for an outcome.</summary>
    public static ScreenResponse ToResponse(string screeningId, ScreenRequest request, ScreeningOutcome outcome)
    {
        var response = new ScreenResponse
        {
            ScreeningId = screeningId,
            Decision = outcome.IsPotentialMatch ? Decision.PotentialMatch : Decision.Clear,
            AsOf = outcome.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ClientReference = request.ClientReference,
            Threshold = outcome.Threshold,
        };
        foreach (var hit in outcome.Hits)
        {
            response.Hits.Add(ToHit(hit));
        }

        foreach (var hit in outcome.Former)
        {
            response.FormerDesignations.Add(ToHit(hit));
        }

        foreach (var (listId, version) in outcome.ListVersions)
        {
            response.ListVersions.Add(new ListVersion { ListId = listId, Version = version });
        }

        return response;
    }

    private static Hit ToHit(ScreeningHit hit)
    {
        var content = hit.Designation.Content;
        var result = new Hit
        {
            DesignationId = hit.DesignationId,
            Jurisdiction = hit.List.Jurisdiction,
            ListId = hit.List.ListId,
            DesignationName = content.PrimaryName,
            MatchedName = hit.Match.MatchedName,
            Score = Math.Round(hit.Match.Score, 4),
            Explanation = hit.Match.Explanation.Describe(),
            ListedOn = Date(hit.ListedBy?.EffectiveDate ?? content.ListedOn),
            LegalBasis = hit.ListedBy?.LegalBasis ?? content.LegalBasis ?? string.Empty,
            DelistedOn = Date(hit.DelistedBy?.EffectiveDate),
            DelistingReason = hit.DelistedBy?.Reason ?? string.Empty,
        };
        result.Programmes.AddRange(content.Programmes.Items);
        foreach (var a in hit.Match.Explanation.Alignments)
        {
            result.Contributions.Add(new Contribution
            {
                Factor = $"name token '{a.QueryToken ?? "-"}' ~ '{a.NameToken ?? "-"}'",
                Weight = Math.Round(a.Contribution, 4),
                Detail = $"{a.Kind.ToString().ToLowerInvariant()}, similarity {a.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}",
            });
        }

        foreach (var f in hit.Match.Explanation.Attributes)
        {
            result.Contributions.Add(new Contribution
            {
                Factor = f.Attribute switch
                {
                    MatchAttribute.BirthDate => "birth date",
                    MatchAttribute.Country => "country",
                    MatchAttribute.SubjectKind => "subject type",
                    _ => "identifier",
                },
                Weight = Math.Round(f.Effect, 4),
                Detail = $"{f.Outcome.ToString().ToLowerInvariant()}: {f.Detail}",
            });
        }

        return result;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
