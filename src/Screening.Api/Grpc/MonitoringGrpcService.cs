using Grpc.Core;
using Microsoft.Extensions.Options;
using Screening.Api.Security;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Monitoring;
using Screening.Grains.Monitoring;
using DomainRole = Screening.Grains.Abstractions.Tenants.ApiKeyRole;

namespace Screening.Api.Grpc;

/// <summary>
/// gRPC <c>MonitoringService</c>: the tenant is always the caller's (the operator key is refused); keys with role
/// tenant-admin change customers and decide alerts, keys with role screening read and watch alerts. Uploads are
/// validated here, record by record, and handed to the tenant's customer shards in rounds.
/// </summary>
public sealed class MonitoringGrpcService(IGrainFactory grains, MonitoringStore store, IOptions<MonitoringOptions> options, TimeProvider time)
    : MonitoringService.MonitoringServiceBase
{
    /// <summary>Customers buffered before they are sent to the shards (one call per shard per round).</summary>
    private const int RoundSize = 32_000;

    /// <summary>Most rejects listed in one response; further ones are counted only.</summary>
    public const int MaxRejectsListed = 10_000;

    public override async Task<UpsertCustomersResponse> UpsertCustomers(IAsyncStreamReader<Customer> requestStream, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.TenantAdmin);
        var shardCount = await grains.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant(tenantId)).Register();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var response = new UpsertCustomersResponse();
        var shards = new List<MonitoredCustomer>[shardCount];
        for (var s = 0; s < shardCount; s++)
        {
            shards[s] = [];
        }

        var buffered = 0;
        var index = 0;
        await foreach (var customer in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var (valid, reject) = MonitoringMapping.ToCustomer(customer, today);
            if (valid is null)
            {
                if (response.Rejects.Count < MaxRejectsListed)
                {
                    response.Rejects.Add(new CustomerReject { Index = index, CustomerId = customer.CustomerId, Reason = reject });
                }
            }
            else
            {
                shards[MonitoringKeys.ShardOf(valid.CustomerId, shardCount)].Add(valid);
                if (++buffered >= RoundSize)
                {
                    response.Accepted += await FlushAsync(tenantId, shards);
                    buffered = 0;
                }
            }

            index++;
        }

        response.Accepted += await FlushAsync(tenantId, shards);
        return response;
    }

    public override async Task<RemoveCustomersResponse> RemoveCustomers(RemoveCustomersRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.TenantAdmin);
        var ids = MonitoringMapping.ToCustomerIds(request);
        var shardCount = await grains.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant(tenantId)).Register();
        var removed = await Task.WhenAll(ids.GroupBy(id => MonitoringKeys.ShardOf(id, shardCount)).Select(g =>
            grains.GetGrain<IMonitoringShardGrain>(MonitoringKeys.Shard(tenantId, g.Key)).Remove([.. g])));
        return new RemoveCustomersResponse { Removed = removed.Sum() };
    }

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.Screening);
        if (request.PageSize is < 0 or > 1000)
        {
            throw PlatformException.Invalid("page_size", "must be 0..1000 (0 = 100)");
        }

        long after = 0;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after))
        {
            throw PlatformException.Invalid("page_token", "must be a next_page_token as returned");
        }

        var page = await Monitoring(tenantId).ListAlerts(
            MonitoringMapping.ToDomain(request.State),
            string.IsNullOrEmpty(request.CustomerId) ? null : request.CustomerId,
            after,
            request.PageSize == 0 ? 100 : request.PageSize);
        var response = new ListAlertsResponse
        {
            NextPageToken = page.NextAfter?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        response.Alerts.AddRange(page.Alerts.Select(a => a.ToContract(tenantId)));
        return response;
    }

    public override async Task<Alert> GetAlert(GetAlertRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.Screening);
        var id = MonitoringMapping.ParseAlertId(request.AlertId, tenantId);
        return (await Monitoring(tenantId).GetAlert(id)).ToContract(tenantId);
    }

    public override async Task<Alert> DecideAlert(DecideAlertRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.TenantAdmin);
        var id = MonitoringMapping.ParseAlertId(request.AlertId, tenantId);
        var decision = MonitoringMapping.ToDomain(request.Decision);
        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > 2000)
        {
            throw PlatformException.Invalid("note", "is required, at most 2000 characters");
        }

        return (await Monitoring(tenantId).DecideAlert(id, decision, request.Note.Trim())).ToContract(tenantId);
    }

    /// <summary>
    /// Polls the alert table's change sequence (every <see cref="MonitoringOptions.WatchPollInterval"/>): works on
    /// any silo of a cluster, whichever silo made the change, and resumes from a sequence without gaps.
    /// </summary>
    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<AlertChange> responseStream, ServerCallContext context)
    {
        var tenantId = TenantOf(context, DomainRole.Screening);
        var ct = context.CancellationToken;
        var after = request.AfterSequence > 0 ? request.AfterSequence : await store.LatestChangeAsync(tenantId, ct);
        while (!ct.IsCancellationRequested)
        {
            var changes = await store.ChangesAsync(tenantId, after, 500, ct);
            foreach (var alert in changes)
            {
                await responseStream.WriteAsync(new AlertChange { Sequence = alert.ChangeSequence, Alert = alert.ToContract(tenantId) }, ct);
                after = alert.ChangeSequence;
            }

            if (changes.Count < 500)
            {
                try
                {
                    await Task.Delay(options.Value.WatchPollInterval, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> FlushAsync(string tenantId, List<MonitoredCustomer>[] shards)
    {
        // Accepted counts records: a duplicate id counts each time it was sent (the later record wins).
        var sent = 0;
        var calls = new List<Task<int>>();
        for (var s = 0; s < shards.Length; s++)
        {
            if (shards[s].Count > 0)
            {
                sent += shards[s].Count;
                calls.Add(grains.GetGrain<IMonitoringShardGrain>(MonitoringKeys.Shard(tenantId, s)).Upsert([.. shards[s]]));
                shards[s] = [];
            }
        }

        await Task.WhenAll(calls);
        return sent;
    }

    private IMonitoringGrain Monitoring(string tenantId) => grains.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant(tenantId));

    private static string TenantOf(ServerCallContext context, DomainRole role)
    {
        var caller = CallerIdentity.Of(context);
        if (caller.TenantId is null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "monitoring needs a tenant's key, not the operator key"));
        }

        caller.RequireTenant(caller.TenantId, role);
        return caller.TenantId;
    }
}
