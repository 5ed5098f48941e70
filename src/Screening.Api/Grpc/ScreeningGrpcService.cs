using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Screening.Api.Security;
using Screening.Contracts.V1;

namespace Screening.Api.Grpc;

/// <summary>gRPC <c>ScreeningService</c>.</summary>
public sealed class ScreeningGrpcService : ScreeningService.ScreeningServiceBase
{
    private static readonly Empty EmptyResponse = new();

    public override Task<Empty> Ping(Empty request, ServerCallContext context)
    {
        _ = CallerIdentity.Of(context);
        return Task.FromResult(EmptyResponse);
    }
}
