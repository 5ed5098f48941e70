using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Screening.Api.Security;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Lists;
using Screening.Lists.Model;
using DomainRole = Screening.Grains.Abstractions.Tenants.ApiKeyRole;
using V1 = Screening.Contracts.V1;

namespace Screening.Api.Grpc;

/// <summary>gRPC <c>ListAdminService</c> (operator only): validates, then delegates to the jurisdiction's grain.</summary>
public sealed class ListAdminGrpcService(IGrainFactory grains, IOptions<ListImportOptions> importOptions, TimeProvider time) : ListAdminService.ListAdminServiceBase
{
    public override async Task<V1.Jurisdiction> CreateJurisdiction(CreateJurisdictionRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var code = (request.Code ?? string.Empty).Trim().ToUpperInvariant();
        var info = await Jurisdiction(code).Define(request.Name, request.Authority);
        return ToContract(info);
    }

    public override async Task<ListJurisdictionsResponse> ListJurisdictions(ListJurisdictionsRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperatorOrRole(DomainRole.TenantAdmin);
        var response = new ListJurisdictionsResponse();
        foreach (var code in await grains.GetGrain<IJurisdictionDirectoryGrain>(0).List())
        {
            if (await Jurisdiction(code).Get(Today()) is { } info)
            {
                response.Jurisdictions.Add(ToContract(info));
            }
        }

        return response;
    }

    public override async Task<ImportListResponse> ImportList(IAsyncStreamReader<ImportListChunk> requestStream, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != ImportListChunk.PartOneofCase.Header)
        {
            throw PlatformException.Invalid("header", "the first message must carry the import header (list_id, format)");
        }

        var header = requestStream.Current.Header;
        var (code, listName) = SplitListId(header.ListId);
        DateOnly? delistedEffective = string.IsNullOrEmpty(header.DelistedEffective) ? null : ParseDate(header.DelistedEffective, "header.delisted_effective");

        var max = importOptions.Value.MaxFileBytes;
        using var buffer = new MemoryStream();
        while (await requestStream.MoveNext(ct))
        {
            var chunk = requestStream.Current;
            if (chunk.PartCase != ImportListChunk.PartOneofCase.Data)
            {
                throw PlatformException.Invalid("data", "only the first message may carry a header");
            }

            if (buffer.Length + chunk.Data.Length > max)
            {
                throw PlatformException.Invalid("data", $"the file exceeds Lists:Import:MaxFileBytes ({max} bytes); nothing was changed");
            }

            chunk.Data.WriteTo(buffer);
        }

        if (buffer.Length == 0)
        {
            throw PlatformException.Invalid("data", "the file is empty; nothing was changed");
        }

        var summary = await Jurisdiction(code).Import(new ImportRequest(listName, header.Format, buffer.ToArray(), delistedEffective, NullIfEmpty(header.SourceReference)));
        return ToContract(summary);
    }

    public override async Task<RevisionResult> RecordDesignation(RecordDesignationRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var (code, listName) = SplitListId(request.ListId);
        var input = request.Designation ?? throw PlatformException.Invalid("designation", "is required");
        var designation = ToDesignation(input);
        var revision = await Jurisdiction(code).RecordDesignation(
            listName,
            JsonSerializer.Serialize(designation, ListJson.Options),
            ParseDate(request.EffectiveDate, "effective_date"),
            NullIfEmpty(request.LegalBasis),
            NullIfEmpty(request.Reason),
            NullIfEmpty(request.SourceReference));
        return ToResult(revision);
    }

    public override async Task<RevisionResult> RecordDelisting(RecordDelistingRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var (code, listName, sourceId) = SplitDesignationId(request.DesignationId);
        var revision = await Jurisdiction(code).RecordDelisting(
            listName,
            sourceId,
            ParseDate(request.EffectiveDate, "effective_date"),
            NullIfEmpty(request.LegalBasis),
            NullIfEmpty(request.Reason),
            NullIfEmpty(request.SourceReference));
        return ToResult(revision);
    }

    public override async Task<DesignationDetail> GetDesignation(GetDesignationRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperatorOrRole(DomainRole.TenantAdmin);
        var (code, listName, sourceId) = SplitDesignationId(request.DesignationId);
        var history = await Jurisdiction(code).GetDesignation(listName, sourceId, Today())
            ?? throw PlatformException.NotFound("designation", request.DesignationId);
        var detail = new DesignationDetail { DesignationId = history.DesignationId, ListId = history.ListId, InForce = history.InForce };
        if (history.ContentJson is not null && JsonSerializer.Deserialize<Designation>(history.ContentJson, ListJson.Options) is { } content)
        {
            detail.Designation = ToContract(content);
        }

        detail.Revisions.AddRange(history.Revisions.Select(ToContract));
        return detail;
    }

    public override async Task<ListRevisionsResponse> ListRevisions(ListRevisionsRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperatorOrRole(DomainRole.TenantAdmin);
        var (code, listName) = SplitListId(request.ListId);
        var (revisions, current) = await Jurisdiction(code).ListRevisions(listName, (int)Math.Clamp(request.SinceVersion, 0, int.MaxValue), request.Limit);
        var response = new ListRevisionsResponse { CurrentVersion = current };
        response.Revisions.AddRange(revisions.Select(ToContract));
        return response;
    }

    public override async Task<ListInfo> GetList(GetListRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperatorOrRole(DomainRole.TenantAdmin);
        var (code, listName) = SplitListId(request.ListId);
        var asOf = string.IsNullOrEmpty(request.AsOf) ? Today() : ParseDate(request.AsOf, "as_of");
        return ToContract(await Jurisdiction(code).GetList(listName, asOf));
    }

    public override async Task<ListInfo> SetListSource(SetListSourceRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var (code, listName) = SplitListId(request.ListId);
        return ToContract(await Jurisdiction(code).SetSource(listName, request.Url, request.Format, TimeSpan.FromSeconds(Math.Max(0, request.IntervalSeconds))));
    }

    public override async Task<RefreshListResponse> RefreshList(RefreshListRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var (code, listName) = SplitListId(request.ListId);
        var grain = Jurisdiction(code);
        var summary = await grain.Refresh(listName);
        var response = new RefreshListResponse { Imported = summary is { Changed: true }, List = ToContract(await grain.GetList(listName, Today())) };
        if (summary is not null)
        {
            response.Import = ToContract(summary);
        }

        return response;
    }

    private static ImportListResponse ToContract(ImportSummary summary) => new()
    {
        ListId = summary.ListId,
        Version = summary.Version,
        Changed = summary.Changed,
        Added = summary.Listed,
        Amended = summary.Amended,
        Delisted = summary.Delisted,
        Relisted = summary.Relisted,
        Unchanged = summary.Unchanged,
        SilosConfirmed = summary.Propagation?.Confirmed.Length ?? 0,
        SilosWaitedOut = summary.Propagation?.WaitedOut.Length ?? 0,
    };

    private static RevisionResult ToResult(RevisionInfo revision) => new()
    {
        DesignationId = revision.DesignationId,
        Version = revision.ListVersion,
        Revision = ToContract(revision),
        SilosConfirmed = revision.Propagation?.Confirmed.Length ?? 0,
        SilosWaitedOut = revision.Propagation?.WaitedOut.Length ?? 0,
        PropagationMs = revision.Propagation?.Elapsed.TotalMilliseconds ?? 0,
    };

    private IJurisdictionGrain Jurisdiction(string code) => grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction(code));

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static (string Code, string ListName) SplitListId(string listId)
    {
        var slash = (listId ?? string.Empty).IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == listId!.Length - 1)
        {
            throw PlatformException.Invalid("list_id", "must be '<JURISDICTION>/<name>', e.g. KZ/terrorist-organisations");
        }

        return (listId[..slash].ToUpperInvariant(), listId[(slash + 1)..]);
    }

    private static (string Code, string ListName, string SourceId) SplitDesignationId(string id)
    {
        if (!DesignationIds.TryParse(id ?? string.Empty, out var listId, out var sourceId))
        {
            throw PlatformException.Invalid("designation_id", "must be '<JURISDICTION>/<list>/<source id>', e.g. UN/consolidated/TAi.004");
        }

        var (code, listName) = SplitListId(listId);
        return (code, listName, sourceId);
    }

    private static DateOnly ParseDate(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw PlatformException.Invalid(field, "must be a date YYYY-MM-DD");

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static V1.Jurisdiction ToContract(JurisdictionInfo info)
    {
        var j = new V1.Jurisdiction { Code = info.Code, Name = info.Name, Authority = info.Authority };
        j.Lists.AddRange(info.Lists.Select(ToContract));
        return j;
    }

    private static ListInfo ToContract(ListSummary s) => new()
    {
        ListId = s.ListId,
        Version = s.Version,
        InForce = s.InForce,
        Total = s.Total,
        AsOf = Iso(s.AsOf),
        UpdatedAt = s.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        LastError = s.LastError ?? string.Empty,
    };

    private static Revision ToContract(RevisionInfo r)
    {
        var revision = new Revision
        {
            DesignationId = r.DesignationId,
            Kind = r.Kind,
            EffectiveDate = Iso(r.EffectiveDate),
            RecordedAt = r.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
            LegalBasis = r.LegalBasis ?? string.Empty,
            Reason = r.Reason ?? string.Empty,
            SourceReference = r.SourceReference ?? string.Empty,
            ListVersion = r.ListVersion,
        };
        revision.ChangedFields.AddRange(r.ChangedFields);
        return revision;
    }

    private static DesignationInput ToContract(Designation d)
    {
        var input = new DesignationInput
        {
            SourceId = d.SourceId,
            Type = d.SubjectType switch
            {
                Lists.Model.SubjectType.Individual => V1.SubjectType.Individual,
                Lists.Model.SubjectType.Entity => V1.SubjectType.Entity,
                Lists.Model.SubjectType.Vessel => V1.SubjectType.Vessel,
                Lists.Model.SubjectType.Aircraft => V1.SubjectType.Aircraft,
                _ => V1.SubjectType.Unknown,
            },
            LegalBasis = d.LegalBasis ?? string.Empty,
            Remarks = d.Remarks ?? string.Empty,
        };
        input.Names.AddRange(d.Names.Select(n => new V1.DesignationName { FullName = n.FullName, Quality = QualityName(n.Quality), Script = n.Script }));
        input.BirthDates.AddRange(d.DatesOfBirth.Select(b => new V1.PartialDate { Year = b.Value.Year, Month = b.Value.Month ?? 0, Day = b.Value.Day ?? 0 }));
        input.Countries.AddRange(d.Nationalities.Concat(d.Countries).Distinct(StringComparer.Ordinal));
        input.Identifiers.AddRange(d.Identifiers.Select(i => new V1.Identifier { Kind = i.Type.ToString().ToLowerInvariant(), Value = i.Value, Country = i.Country ?? string.Empty }));
        input.Programmes.AddRange(d.Programmes.Items);
        return input;
    }

    private static string QualityName(NameQuality q) => q switch
    {
        NameQuality.Primary => "primary",
        NameQuality.StrongAlias => "strong-alias",
        NameQuality.WeakAlias => "weak-alias",
        NameQuality.FormerName => "former-name",
        _ => q.ToString().ToLowerInvariant(),
    };

    private static Designation ToDesignation(DesignationInput input)
    {
        if (string.IsNullOrWhiteSpace(input.SourceId))
        {
            throw PlatformException.Invalid("designation.source_id", "is required");
        }

        if (input.Names.Count == 0 || input.Names.Any(n => string.IsNullOrWhiteSpace(n.FullName)))
        {
            throw PlatformException.Invalid("designation.names", "at least one name, none empty");
        }

        return new Designation
        {
            SourceId = input.SourceId.Trim(),
            SubjectType = input.Type switch
            {
                V1.SubjectType.Individual => Lists.Model.SubjectType.Individual,
                V1.SubjectType.Entity => Lists.Model.SubjectType.Entity,
                V1.SubjectType.Vessel => Lists.Model.SubjectType.Vessel,
                V1.SubjectType.Aircraft => Lists.Model.SubjectType.Aircraft,
                _ => Lists.Model.SubjectType.Unknown,
            },
            Names = [.. input.Names.Select((n, i) => Lists.Model.DesignationName.Create(
                n.FullName.Trim(),
                n.Quality switch
                {
                    "weak-alias" => NameQuality.WeakAlias,
                    "strong-alias" => NameQuality.StrongAlias,
                    "former-name" => NameQuality.FormerName,
                    _ => i == 0 ? NameQuality.Primary : NameQuality.StrongAlias,
                }))],
            DatesOfBirth = [.. input.BirthDates.Select(b => Lists.Model.BirthDate.Of(new Lists.Model.PartialDate(b.Year, b.Month == 0 ? null : b.Month, b.Day == 0 ? null : b.Day)))],
            Countries = [.. input.Countries.Select(c => c.Trim().ToUpperInvariant())],
            Identifiers = [.. input.Identifiers.Select(i => new Lists.Model.Identifier { Type = IdentifierType.Other, Value = i.Value, Label = i.Kind, Country = NullIfEmpty(i.Country) })],
            Programmes = [.. input.Programmes],
            LegalBasis = NullIfEmpty(input.LegalBasis),
            Remarks = NullIfEmpty(input.Remarks),
        };
    }
}
