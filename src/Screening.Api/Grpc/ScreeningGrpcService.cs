using System.Threading.Channels;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Screening.Api.Security;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Audit;
using Screening.Grains.Screening;
using Screening.Grains.Telemetry;

namespace Screening.Api.Grpc;

/// <summary>
/// gRPC <c>ScreeningService</c>: validates, screens on this silo's indexes, writes the audit record, and only
/// then answers. A failed audit write fails the call (UNAVAILABLE): no answer leaves without its record.
/// </summary>
public sealed class ScreeningGrpcService(ScreeningEngine engine, IAuditLog audit, TimeProvider time) : ScreeningService.ScreeningServiceBase
{
    /// <summary>Most subjects in one <c>ScreenBatch</c>.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>
    /// Screenings of one stream (or batch) in flight at once. Each waits for its audit commit (a ~6 ms group-commit
    /// cycle under load), so this, not CPU, capped a stream: 16 gave 8,400 names/s with 512 names in flight over four
    /// streams, 64 gives 11,800-13,500 (docs/PERFORMANCE.md, Load tests, round 5).
    /// </summary>
    private const int StreamConcurrency = 64;
    private static readonly Empty EmptyResponse = new();
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public override Task<Empty> Ping(Empty request, ServerCallContext context)
    {
        _ = CallerIdentity.Of(context);
        return Task.FromResult(EmptyResponse);
    }

    public override async Task<ScreenResponse> Screen(ScreenRequest request, ServerCallContext context) =>
        await ScreenOneAsync(TenantOf(context), request, string.Empty, context.CancellationToken);

    public override async Task<ScreenBatchResponse> ScreenBatch(ScreenBatchRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context);
        if (request.Requests.Count is 0 or > MaxBatchSize)
        {
            throw PlatformException.Invalid("requests", $"must hold 1..{MaxBatchSize} requests");
        }

        var responses = new ScreenResponse[request.Requests.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, request.Requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = StreamConcurrency, CancellationToken = context.CancellationToken },
            async (i, ct) => responses[i] = await ScreenOneAsync(tenantId, request.Requests[i], $"requests[{i}].", ct));
        var batch = new ScreenBatchResponse();
        batch.Responses.AddRange(responses);
        return batch;
    }

    public override async Task ScreenStream(IAsyncStreamReader<ScreenRequest> requestStream, IServerStreamWriter<ScreenResponse> responseStream, ServerCallContext context)
    {
        var tenantId = TenantOf(context);
        var ct = context.CancellationToken;

        // Bounded both ways: reading stops when StreamConcurrency screenings are in flight and the writer is behind.
        var results = Channel.CreateBounded<ScreenResponse>(new BoundedChannelOptions(StreamConcurrency * 2) { SingleReader = true });
        var writer = Task.Run(
            async () =>
            {
                await foreach (var response in results.Reader.ReadAllAsync(ct))
                {
                    await responseStream.WriteAsync(response, ct);
                }
            },
            ct);

        try
        {
            await Parallel.ForEachAsync(
                requestStream.ReadAllAsync(ct),
                new ParallelOptions { MaxDegreeOfParallelism = StreamConcurrency, CancellationToken = ct },
                async (request, token) =>
                {
                    var prefix = string.IsNullOrEmpty(request.ClientReference) ? string.Empty : $"[client_reference {request.ClientReference}] ";
                    await results.Writer.WriteAsync(await ScreenOneAsync(tenantId, request, prefix, token), token);
                });
            results.Writer.Complete();
        }
        catch (Exception e)
        {
            results.Writer.TryComplete(e);
            throw;
        }

        await writer;
    }

    private async Task<ScreenResponse> ScreenOneAsync(string tenantId, ScreenRequest request, string fieldPrefix, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var input = ScreeningRequestMapper.ToInput(request, DateOnly.FromDateTime(now.UtcDateTime), fieldPrefix);
        var outcome = await engine.ScreenAsync(tenantId, input);
        var screeningId = AuditRecord.NewScreeningId(now);
        var response = ScreeningResponseMapper.ToResponse(screeningId, request, outcome);
        await audit.AppendAsync(
            new AuditRecord(
                screeningId,
                tenantId,
                request.ClientReference,
                Json.Format(request),
                Json.Format(response),
                outcome.IsPotentialMatch ? AuditRecord.PotentialMatch : AuditRecord.Clear,
                string.Join(',', outcome.ListVersions.Select(v => $"{v.ListId}@{v.Version}")),
                outcome.AsOf,
                now),
            ct);
        PlatformTelemetry.RecordScreening(tenantId, outcome.IsPotentialMatch, time.GetElapsedTime(started));
        return response;
    }

    private static string TenantOf(ServerCallContext context)
    {
        var caller = CallerIdentity.Of(context);
        if (caller.TenantId is null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "screening needs a tenant's key (role screening or tenant-admin), not the operator key"));
        }

        return caller.TenantId;
    }
}
