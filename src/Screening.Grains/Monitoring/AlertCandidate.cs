namespace Screening.Grains.Monitoring;

/// <summary>A potential match found by screening, to be opened as an alert unless one exists for the pair.</summary>
public sealed record AlertCandidate(
    string CustomerId,
    string DesignationId,
    string ListId,
    string Jurisdiction,
    double Score,
    string MatchedName,
    string Explanation,
    int Version);
