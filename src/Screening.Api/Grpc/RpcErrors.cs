using System.Data.Common;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;
using Screening.Grains.Abstractions.Errors;

namespace Screening.Api.Grpc;

/// <summary>Maps failures to gRPC statuses: refusals keep their reason; outages become UNAVAILABLE; the rest INTERNAL.</summary>
public static class RpcErrors
{
    /// <summary>The status exception for a failure.</summary>
    public static RpcException From(Exception error, ILogger logger)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RpcException rpc:
                    return rpc;
                case PlatformException p:
                    return new RpcException(new Status(Map(p.Code), p.Message));
                case InconsistentStateException:
                    return new RpcException(new Status(StatusCode.Aborted, "concurrent update; retry"));
                case DbException or TimeoutException or OrleansMessageRejectionException or SiloUnavailableException or System.Net.Sockets.SocketException:
                    ApiLog.DependencyUnavailable(logger, error);
                    return new RpcException(new Status(StatusCode.Unavailable, "a platform dependency (storage or cluster) is unavailable; retry later"));
                case OperationCanceledException:
                    return new RpcException(new Status(StatusCode.Cancelled, "cancelled"));
            }
        }

        ApiLog.UnexpectedFailure(logger, error);
        return new RpcException(new Status(StatusCode.Internal, "internal error; see the server log"));
    }

    private static StatusCode Map(PlatformErrorCode code) => code switch
    {
        PlatformErrorCode.InvalidArgument => StatusCode.InvalidArgument,
        PlatformErrorCode.NotFound => StatusCode.NotFound,
        PlatformErrorCode.AlreadyExists => StatusCode.AlreadyExists,
        PlatformErrorCode.PermissionDenied => StatusCode.PermissionDenied,
        PlatformErrorCode.Unavailable => StatusCode.Unavailable,
        PlatformErrorCode.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Unknown,
    };
}
