using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>
/// One jurisdiction (key <see cref="GrainKeys.Jurisdiction"/>, e.g. "jurisdiction/KZ"): its lists and every revision
/// of every designation. Versions and revisions are stored in PostgreSQL tables (append-only); a change is
/// committed there, then pushed to every silo's indexes before the call returns.
/// </summary>
[Alias("screening.IJurisdictionGrain")]
public interface IJurisdictionGrain : IGrainWithStringKey
{
    /// <summary>Creates the jurisdiction, or updates its name and authority.</summary>
    [Alias("Define")]
    Task<JurisdictionInfo> Define(string name, string authority);

    /// <summary>The jurisdiction and its lists as of <paramref name="asOf"/>; null if never defined.</summary>
    [Alias("Get")]
    Task<JurisdictionInfo?> Get(DateOnly asOf);

    /// <summary>Imports an official file, all or nothing; INVALID_ARGUMENT with the position when malformed.</summary>
    [Alias("Import")]
    Task<ImportSummary> Import(ImportRequest request);

    /// <summary>Records (or amends) one designation given as ListJson.</summary>
    [Alias("RecordDesignation")]
    Task<RevisionInfo> RecordDesignation(string listName, string designationJson, DateOnly effectiveDate, string? legalBasis, string? reason, string? sourceReference);

    /// <summary>Records a delisting; FAILED_PRECONDITION when the designation is not in force.</summary>
    [Alias("RecordDelisting")]
    Task<RevisionInfo> RecordDelisting(string listName, string sourceId, DateOnly effectiveDate, string? legalBasis, string? reason, string? sourceReference);

    /// <summary>A designation with its history; null when unknown.</summary>
    [Alias("GetDesignation")]
    Task<DesignationHistory?> GetDesignation(string listName, string sourceId, DateOnly asOf);

    /// <summary>Revisions recorded after <paramref name="sinceVersion"/>, at most <paramref name="limit"/>.</summary>
    [Alias("ListRevisions")]
    Task<(ImmutableArray<RevisionInfo> Revisions, int CurrentVersion)> ListRevisions(string listName, int sinceVersion, int limit);

    /// <summary>
    /// Sets (or clears, with an empty url) where a list is refreshed from and how often; a reminder then fetches it with a
    /// conditional GET and imports it when it changed. Any failure keeps the last good version and is shown by GetList.
    /// </summary>
    [Alias("SetSource")]
    Task<ListSummary> SetSource(string listName, string url, string format, TimeSpan interval);

    /// <summary>Fetches the list's source now (what the reminder does); returns the import summary, or null when unchanged.</summary>
    [Alias("Refresh")]
    Task<ImportSummary?> Refresh(string listName);

    /// <summary>One list as of a date; NOT_FOUND when the jurisdiction has no such list.</summary>
    [Alias("GetList")]
    Task<ListSummary> GetList(string listName, DateOnly asOf);
}
