using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Screening.Api.Security;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Audit;
using DomainRole = Screening.Grains.Abstractions.Tenants.ApiKeyRole;

namespace Screening.Api.Grpc;

/// <summary>
/// gRPC <c>AuditService</c>: resolves which tenant the caller may read (its own, or any for the operator, who must
/// name it), then delegates to the audit reader.
/// </summary>
public sealed class AuditGrpcService(IAuditReader reader) : AuditService.AuditServiceBase
{
    public override async Task<AuditedScreening> GetScreening(GetScreeningRequest request, ServerCallContext context)
    {
        var tenant = ResolveTenant(request.TenantId, context);
        var id = request.ScreeningId.Trim();
        if (id.Length == 0)
        {
            throw PlatformException.Invalid("screening_id", "is required");
        }

        var entry = await reader.GetAsync(tenant, id, context.CancellationToken) ?? throw PlatformException.NotFound("screening", id);
        var r = entry.Record;
        var result = new AuditedScreening
        {
            ScreeningId = r.ScreeningId,
            TenantId = r.TenantId,
            ClientReference = r.ClientReference,
            Decision = ToContract(r.Decision),
            AsOf = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ScreenedAt = Timestamp.FromDateTimeOffset(r.ScreenedAt),
            RequestJson = r.RequestJson,
            ResponseJson = r.ResponseJson,
            Sequence = entry.Sequence,
            PreviousHash = entry.PreviousHash,
            Hash = entry.Hash,
        };
        result.ListVersions.AddRange(ParseListVersions(r.ListVersions));
        return result;
    }

    public override async Task<QueryScreeningsResponse> QueryScreenings(QueryScreeningsRequest request, ServerCallContext context)
    {
        var tenant = ResolveTenant(request.TenantId, context);
        if (request.PageSize is < 0 or > AuditQuery.MaxPageSize)
        {
            throw PlatformException.Invalid("page_size", $"must be between 0 and {AuditQuery.MaxPageSize.ToString(CultureInfo.InvariantCulture)} (0 means {AuditQuery.DefaultPageSize.ToString(CultureInfo.InvariantCulture)})");
        }

        var from = request.From?.ToDateTimeOffset();
        var to = request.To?.ToDateTimeOffset();
        if (from is not null && to is not null && from >= to)
        {
            throw PlatformException.Invalid("to", "must be later than from");
        }

        var decision = request.Decision switch
        {
            Decision.Unspecified => null,
            Decision.Clear => AuditRecord.Clear,
            Decision.PotentialMatch => AuditRecord.PotentialMatch,
            _ => throw PlatformException.Invalid("decision", "is not a known decision"),
        };

        var page = await reader.QueryAsync(
            new AuditQuery(
                tenant,
                from,
                to,
                decision,
                string.IsNullOrEmpty(request.ClientReference) ? null : request.ClientReference,
                request.PageSize == 0 ? AuditQuery.DefaultPageSize : request.PageSize,
                string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken),
            context.CancellationToken);

        var response = new QueryScreeningsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        foreach (var s in page.Items)
        {
            var summary = new ScreeningSummary
            {
                ScreeningId = s.ScreeningId,
                ClientReference = s.ClientReference,
                Decision = ToContract(s.Decision),
                AsOf = s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ScreenedAt = Timestamp.FromDateTimeOffset(s.ScreenedAt),
                Sequence = s.Sequence,
            };
            summary.ListVersions.AddRange(ParseListVersions(s.ListVersions));
            response.Screenings.Add(summary);
        }

        return response;
    }

    public override async Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context)
    {
        var tenant = ResolveTenant(request.TenantId, context);
        var report = await reader.VerifyChainAsync(tenant, context.CancellationToken);
        var response = new VerifyAuditChainResponse
        {
            TenantId = report.TenantId,
            Intact = report.Intact,
            RecordsChecked = report.RecordsChecked,
            RetainedFromSequence = report.RetainedFromSequence,
            HeadSequence = report.HeadSequence,
            HeadHash = report.HeadHash,
        };
        if (report.FirstBreak is { } broken)
        {
            response.FirstBreak = new Contracts.V1.AuditChainBreak { Sequence = broken.Sequence, ScreeningId = broken.ScreeningId, Reason = broken.Reason };
        }

        return response;
    }

    /// <summary>The tenant whose audit the caller reads: its own (named or not), or the one the operator names.</summary>
    private static string ResolveTenant(string requested, ServerCallContext context)
    {
        var caller = CallerIdentity.Of(context);
        var named = requested.Trim();
        if (caller.IsOperator)
        {
            return named.Length > 0 ? named : throw PlatformException.Invalid("tenant_id", "is required with the operator key");
        }

        if (named.Length == 0)
        {
            return caller.TenantId ?? throw new RpcException(new Status(StatusCode.PermissionDenied, "this key belongs to no tenant"));
        }

        caller.RequireTenant(named, DomainRole.Screening);
        return named;
    }

    private static Decision ToContract(string decision) => decision switch
    {
        AuditRecord.Clear => Decision.Clear,
        AuditRecord.PotentialMatch => Decision.PotentialMatch,
        _ => Decision.Unspecified,
    };

    /// <summary>Parses <c>UN/consolidated@3,KZ/terrorist-organisations@5</c>; an entry without a readable version keeps version 0.</summary>
    private static IEnumerable<ListVersion> ParseListVersions(string text)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOf('@');
            if (at > 0 && long.TryParse(part.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                yield return new ListVersion { ListId = part[..at], Version = version };
            }
            else
            {
                yield return new ListVersion { ListId = part };
            }
        }
    }
}
