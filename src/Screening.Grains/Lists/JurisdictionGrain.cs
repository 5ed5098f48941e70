using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Telemetry;
using Screening.Lists.Diff;
using Screening.Lists.History;
using Screening.Lists.Model;
using Screening.Lists.Parsing;

namespace Screening.Grains.Lists;

/// <inheritdoc cref="IJurisdictionGrain"/>
public sealed partial class JurisdictionGrain(
    [PersistentState("jurisdiction", GrainStorageNames.Platform)] IPersistentState<JurisdictionState> state,
    ListStore store,
    ListSourceFetcher fetcher,
    TimeProvider time) : Grain, IJurisdictionGrain, IRemindable
{
    private const string ReminderPrefix = "refresh:";

    private readonly Dictionary<string, ListHistory> _histories = new(StringComparer.Ordinal);

    private string Code => this.GetPrimaryKeyString()["jurisdiction/".Length..];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var name in state.State.Lists.Keys)
        {
            _histories[name] = await store.LoadHistoryAsync(new ListId(Code, name), cancellationToken);
        }
    }

    public async Task<JurisdictionInfo> Define(string name, string authority)
    {
        if (!CodePattern().IsMatch(Code))
        {
            throw PlatformException.Invalid("code", "must be 2..8 upper-case letters, e.g. KZ or UN");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw PlatformException.Invalid("name", "must be 1..200 characters");
        }

        state.State.Name = name.Trim();
        state.State.Authority = authority?.Trim() ?? string.Empty;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJurisdictionDirectoryGrain>(0).Register(Code);
        return Info(Today());
    }

    public Task<JurisdictionInfo?> Get(DateOnly asOf) => Task.FromResult(state.State.Name is null ? null : Info(asOf));

    public async Task<ImportSummary> Import(ImportRequest request)
    {
        using var activity = PlatformTelemetry.Source.StartActivity("list.import")?.SetTag("list", Code + "/" + request.ListName).SetTag("format", request.Format);
        var importStarted = time.GetTimestamp();
        RequireDefined();
        var listName = RequireListName(request.ListName);
        var listId = new ListId(Code, listName);
        var history = _histories.GetValueOrDefault(listName) ?? ListHistory.Empty(listId);
        var context = new ImportContext
        {
            RecordedAt = time.GetUtcNow(),
            DelistingEffectiveDate = request.DelistedEffective,
            SourceReference = request.SourceReference,
        };

        ImportOutcome outcome;
        try
        {
            var parser = ListParserRegistry.Default.Resolve(request.Format);
            using var content = new MemoryStream(request.Content, writable: false);
            if (parser is NationalJsonListParser national)
            {
                var document = national.Read(content);
                if (document.Metadata.SourceList is { } declared && !string.Equals(declared, listId.ToString(), StringComparison.Ordinal))
                {
                    throw new ListFormatException("$.list", $"the file is for list '{declared}', not '{listId}'");
                }

                outcome = history.ApplyStated(document, context);
            }
            else
            {
                using var parsed = parser.Parse(content);
                outcome = history.Import(parsed, context);
            }
        }
        catch (ListFormatException e)
        {
            await RecordErrorAsync(listName, $"{e.Position}: {e.Reason}");
            throw PlatformException.Invalid("file", $"{e.Position}: {e.Reason}; nothing was changed");
        }

        if (!outcome.Changed)
        {
            PlatformTelemetry.RecordImport(listId.ToString(), changed: false, time.GetElapsedTime(importStarted));
            return Summary(listId, outcome, changed: false);
        }

        var report = await CommitAsync(listId, outcome.History, outcome.Version!, [.. outcome.Revisions]);
        PlatformTelemetry.RecordImport(listId.ToString(), changed: true, time.GetElapsedTime(importStarted));
        return Summary(listId, outcome, changed: true) with { Propagation = report };
    }

    public async Task<RevisionInfo> RecordDesignation(string listName, string designationJson, DateOnly effectiveDate, string? legalBasis, string? reason, string? sourceReference)
    {
        RequireDefined();
        listName = RequireListName(listName);
        Designation designation;
        try
        {
            designation = JsonSerializer.Deserialize<Designation>(designationJson, ListJson.Options)
                ?? throw PlatformException.Invalid("designation", "is required");
        }
        catch (JsonException e)
        {
            throw PlatformException.Invalid("designation", e.Message);
        }

        if (string.IsNullOrWhiteSpace(designation.SourceId) || designation.Names.Count == 0)
        {
            throw PlatformException.Invalid("designation", "needs a source_id and at least one name");
        }

        var listId = new ListId(Code, listName);
        var history = _histories.GetValueOrDefault(listName) ?? ListHistory.Empty(listId);
        var now = time.GetUtcNow();
        var current = history.StateOf(designation.SourceId, DateOnly.MaxValue, now);
        var fingerprint = DesignationFingerprint.Compute(designation);
        var kind = current switch
        {
            null when history.RevisionsOf(designation.SourceId).Count == 0 => RevisionKind.Listed,
            { InForce: true } => RevisionKind.Amended,
            _ => RevisionKind.Relisted,
        };
        var changed = kind == RevisionKind.Amended && current!.Content is { } old
            ? DesignationFingerprint.Compute(old).ChangedFields(fingerprint)
            : ValueArray<string>.Empty;
        if (kind == RevisionKind.Amended && changed.IsEmpty)
        {
            throw new PlatformException(PlatformErrorCode.FailedPrecondition, $"designation '{designation.SourceId}' is already recorded with this content");
        }

        var revision = new DesignationRevision
        {
            SourceId = designation.SourceId,
            Kind = kind,
            EffectiveDate = effectiveDate,
            RecordedAt = now,
            LegalBasis = legalBasis,
            Reason = reason,
            SourceReference = sourceReference,
            ListVersion = history.CurrentVersion + 1,
            Content = designation,
            Fingerprint = fingerprint.Value,
            ChangedFields = changed,
        };
        var report = await AppendSingleAsync(listId, history, revision);
        return ToInfo(listId.ToString(), revision) with { Propagation = report };
    }

    public async Task<RevisionInfo> RecordDelisting(string listName, string sourceId, DateOnly effectiveDate, string? legalBasis, string? reason, string? sourceReference)
    {
        RequireDefined();
        listName = RequireListName(listName);
        var listId = new ListId(Code, listName);
        var history = _histories.GetValueOrDefault(listName) ?? throw PlatformException.NotFound("list", listId.ToString());
        var now = time.GetUtcNow();
        var revisions = history.RevisionsOf(sourceId);
        if (revisions.Count == 0)
        {
            throw PlatformException.NotFound("designation", DesignationIds.Of(listId.ToString(), sourceId));
        }

        if (revisions[^1].Kind == RevisionKind.Delisted)
        {
            throw new PlatformException(PlatformErrorCode.FailedPrecondition, $"designation '{DesignationIds.Of(listId.ToString(), sourceId)}' is already delisted (effective {revisions[^1].EffectiveDate:yyyy-MM-dd})");
        }

        var revision = new DesignationRevision
        {
            SourceId = sourceId,
            Kind = RevisionKind.Delisted,
            EffectiveDate = effectiveDate,
            RecordedAt = now,
            LegalBasis = legalBasis,
            Reason = reason,
            SourceReference = sourceReference,
            ListVersion = history.CurrentVersion + 1,
        };
        var report = await AppendSingleAsync(listId, history, revision);
        return ToInfo(listId.ToString(), revision) with { Propagation = report };
    }

    public Task<DesignationHistory?> GetDesignation(string listName, string sourceId, DateOnly asOf)
    {
        if (!_histories.TryGetValue(listName, out var history))
        {
            return Task.FromResult<DesignationHistory?>(null);
        }

        var revisions = history.RevisionsOf(sourceId);
        if (revisions.Count == 0)
        {
            return Task.FromResult<DesignationHistory?>(null);
        }

        var listId = history.ListId.ToString();
        var latest = revisions.LastOrDefault(r => r.Content is not null)?.Content;
        var inForce = DesignationTimeline.IsInForce(revisions, asOf, time.GetUtcNow());
        return Task.FromResult<DesignationHistory?>(new DesignationHistory(
            DesignationIds.Of(listId, sourceId),
            listId,
            latest is null ? null : JsonSerializer.Serialize(latest, ListJson.Options),
            [.. revisions.Select(r => ToInfo(listId, r))],
            inForce));
    }

    public Task<(ImmutableArray<RevisionInfo> Revisions, int CurrentVersion)> ListRevisions(string listName, int sinceVersion, int limit)
    {
        var history = _histories.GetValueOrDefault(listName) ?? throw PlatformException.NotFound("list", $"{Code}/{listName}");
        var listId = history.ListId.ToString();
        var page = history.Revisions
            .Where(r => r.ListVersion > sinceVersion)
            .OrderBy(r => r.ListVersion)
            .ThenBy(r => r.SourceId, StringComparer.Ordinal)
            .Take(limit <= 0 ? 1000 : Math.Min(limit, 10_000))
            .Select(r => ToInfo(listId, r));
        return Task.FromResult<(ImmutableArray<RevisionInfo>, int)>(([.. page], history.CurrentVersion));
    }

    public async Task<ListSummary> SetSource(string listName, string url, string format, TimeSpan interval)
    {
        RequireDefined();
        listName = RequireListName(listName);
        var entry = state.State.Lists.GetValueOrDefault(listName) ?? new ListCatalogEntry();
        if (string.IsNullOrWhiteSpace(url))
        {
            entry.SourceUrl = entry.SourceFormat = entry.ETag = null;
            entry.RefreshInterval = null;
            entry.LastModified = null;
            if (await this.GetReminder(ReminderPrefix + listName) is { } existing)
            {
                await this.UnregisterReminder(existing);
            }
        }
        else
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw PlatformException.Invalid("url", "must be an absolute http or https URL");
            }

            try
            {
                ListParserRegistry.Default.Resolve(format);
            }
            catch (ListFormatException e)
            {
                throw PlatformException.Invalid("format", e.Reason);
            }

            if (interval < TimeSpan.FromMinutes(1))
            {
                throw PlatformException.Invalid("interval", "must be at least one minute");
            }

            entry.SourceUrl = url;
            entry.SourceFormat = format;
            entry.RefreshInterval = interval;
            await this.RegisterOrUpdateReminder(ReminderPrefix + listName, TimeSpan.FromMinutes(1), interval);
        }

        state.State.Lists[listName] = entry;
        _histories.TryAdd(listName, ListHistory.Empty(new ListId(Code, listName)));
        await state.WriteStateAsync();
        return Summarise(listName, Today());
    }

    public async Task<ImportSummary?> Refresh(string listName)
    {
        var entry = state.State.Lists.GetValueOrDefault(listName);
        if (entry?.SourceUrl is null || entry.SourceFormat is null)
        {
            throw new PlatformException(PlatformErrorCode.FailedPrecondition, $"list '{Code}/{listName}' has no source; set one first");
        }

        ListSourceFetcher.Fetched fetched;
        try
        {
            fetched = await fetcher.FetchAsync(entry.SourceUrl, entry.ETag, entry.LastModified, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            await RecordErrorAsync(listName, "refresh failed: " + e.Message);
            return null;
        }

        entry.LastCheckedAt = time.GetUtcNow();
        if (fetched.NotModified)
        {
            await state.WriteStateAsync();
            return null;
        }

        ImportSummary summary;
        try
        {
            summary = await Import(new ImportRequest(listName, entry.SourceFormat, fetched.Content, null, entry.SourceUrl));
        }
        catch (PlatformException)
        {
            return null; // Import recorded the error; the last good version stays current
        }

        entry = state.State.Lists[listName];
        entry.ETag = fetched.ETag;
        entry.LastModified = fetched.LastModified;
        entry.LastError = null;
        await state.WriteStateAsync();
        return summary;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName.StartsWith(ReminderPrefix, StringComparison.Ordinal))
        {
            await Refresh(reminderName[ReminderPrefix.Length..]);
        }
    }

    public Task<ListSummary> GetList(string listName, DateOnly asOf)
    {
        if (!state.State.Lists.ContainsKey(listName))
        {
            throw PlatformException.NotFound("list", $"{Code}/{listName}");
        }

        return Task.FromResult(Summarise(listName, asOf));
    }

    private async Task<PropagationReport> AppendSingleAsync(ListId listId, ListHistory history, DesignationRevision revision)
    {
        var version = new ListVersion
        {
            Number = revision.ListVersion,
            RecordedAt = revision.RecordedAt,
            SourceReference = revision.SourceReference,
            FormatName = "manual",
            Listed = revision.Kind == RevisionKind.Listed ? 1 : 0,
            Amended = revision.Kind == RevisionKind.Amended ? 1 : 0,
            Delisted = revision.Kind == RevisionKind.Delisted ? 1 : 0,
            Relisted = revision.Kind == RevisionKind.Relisted ? 1 : 0,
        };
        var next = ListHistory.FromRevisions(listId, [.. history.Versions, version], [.. history.Revisions, revision]);
        return await CommitAsync(listId, next, version, [revision]);
    }

    /// <summary>Stores the version, then makes it current here, then pushes it to every silo.</summary>
    private async Task<PropagationReport> CommitAsync(ListId listId, ListHistory next, ListVersion version, IReadOnlyList<DesignationRevision> revisions)
    {
        await store.AppendVersionAsync(listId, version, revisions, CancellationToken.None);
        _histories[listId.Name] = next;
        if (!state.State.Lists.TryGetValue(listId.Name, out var entry))
        {
            state.State.Lists[listId.Name] = new ListCatalogEntry();
            await state.WriteStateAsync();
        }
        else if (entry.LastError is not null)
        {
            entry.LastError = null;
            entry.LastErrorAt = null;
            await state.WriteStateAsync();
        }

        var report = await GrainFactory.GetGrain<IListChangeHubGrain>(0).Publish(listId.ToString(), version.Number);
        await GrainFactory.GetGrain<Abstractions.Monitoring.IMonitoringDispatcherGrain>(0).ListChanged(listId.ToString(), version.Number); // one-way: monitoring re-screens in the background
        return report;
    }

    private async Task RecordErrorAsync(string listName, string error)
    {
        if (state.State.Lists.TryGetValue(listName, out var entry))
        {
            entry.LastError = error;
            entry.LastErrorAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }
    }

    private JurisdictionInfo Info(DateOnly asOf) =>
        new(Code, state.State.Name ?? Code, state.State.Authority, [.. state.State.Lists.Keys.Order(StringComparer.Ordinal).Select(n => Summarise(n, asOf))]);

    private ListSummary Summarise(string listName, DateOnly asOf)
    {
        var history = _histories.GetValueOrDefault(listName) ?? ListHistory.Empty(new ListId(Code, listName));
        var entry = state.State.Lists.GetValueOrDefault(listName);
        return new ListSummary(
            history.ListId.ToString(),
            history.CurrentVersion,
            history.InForceAt(asOf, time.GetUtcNow()).Count,
            history.SourceIds.Count(),
            asOf,
            history.Versions.IsEmpty ? null : history.Versions[^1].RecordedAt,
            entry?.LastError);
    }

    private static ImportSummary Summary(ListId listId, ImportOutcome outcome, bool changed) => new(
        listId.ToString(),
        outcome.History.CurrentVersion,
        changed,
        outcome.Delta.Listed.Count,
        outcome.Delta.Amended.Count,
        outcome.Delta.Delisted.Count,
        outcome.Delta.Relisted.Count,
        outcome.Delta.UnchangedCount,
        outcome.Summary);

    private static RevisionInfo ToInfo(string listId, DesignationRevision r) => new(
        DesignationIds.Of(listId, r.SourceId),
        r.Kind.ToString().ToLowerInvariant(),
        r.EffectiveDate,
        r.RecordedAt,
        r.LegalBasis,
        r.Reason,
        r.SourceReference,
        r.ListVersion,
        [.. r.ChangedFields.Items],
        r.Content is null ? null : JsonSerializer.Serialize(r.Content, ListJson.Options));

    private void RequireDefined()
    {
        if (state.State.Name is null)
        {
            throw PlatformException.NotFound("jurisdiction", Code);
        }
    }

    private static string RequireListName(string listName)
    {
        if (string.IsNullOrWhiteSpace(listName) || !ListNamePattern().IsMatch(listName))
        {
            throw PlatformException.Invalid("list_id", "must be '<JURISDICTION>/<name>' with a name of 1..64 characters of a-z, 0-9 and '-'");
        }

        return listName;
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [GeneratedRegex("^[A-Z]{2,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ListNamePattern();
}
