using System.Net.Sockets;
using Grpc.Core;

namespace Screening.Cli.Connection;

/// <summary>Turns a failure into the one line a person reads and the exit code a script reads.</summary>
internal static class FailureReport
{
    public static (int ExitCode, string Message) Describe(Exception error, ConnectionSettings? settings)
    {
        switch (error)
        {
            case CliException cli:
                return (cli.ExitCode, cli.Message);
            case RpcException rpc:
                return Describe(rpc, settings);
            case OperationCanceledException:
                return (ExitCodes.Interrupted, "interrupted");
            case FileNotFoundException f:
                return (ExitCodes.Usage, $"file not found: {f.FileName ?? f.Message}");
            case DirectoryNotFoundException d:
                return (ExitCodes.Usage, d.Message);
            case UnauthorizedAccessException u:
                return (ExitCodes.Usage, u.Message);
            case IOException io:
                return (ExitCodes.Usage, io.Message);
            default:
                return (ExitCodes.ServerError, $"unexpected failure: {error.GetType().Name}: {error.Message}");
        }
    }

    private static (int, string) Describe(RpcException rpc, ConnectionSettings? settings)
    {
        var endpoint = settings?.Endpoint.ToString().TrimEnd('/') ?? "the server";
        var detail = string.IsNullOrWhiteSpace(rpc.Status.Detail) ? rpc.StatusCode.ToString() : rpc.Status.Detail;
        switch (rpc.StatusCode)
        {
            case StatusCode.Unauthenticated when settings?.Key is null:
                return (ExitCodes.Auth, $"no key: pass --key, set {ConnectionSettings.KeyVariable} or put \"key\" in the profile file");
            case StatusCode.Unauthenticated:
                return (ExitCodes.Auth, $"{endpoint} rejected the key from {settings?.KeySource} (UNAUTHENTICATED: {detail})");
            case StatusCode.PermissionDenied:
                return (ExitCodes.Auth, $"not allowed with this key (PERMISSION_DENIED: {detail})");
            case StatusCode.InvalidArgument or StatusCode.OutOfRange:
                return (ExitCodes.Usage, $"invalid input: {detail}");
            case StatusCode.NotFound:
                return (ExitCodes.NotFound, $"not found: {detail}");
            case StatusCode.AlreadyExists:
                return (ExitCodes.Conflict, $"already exists: {detail}");
            case StatusCode.FailedPrecondition or StatusCode.Aborted:
                return (ExitCodes.Conflict, $"conflict: {detail}");
            case StatusCode.ResourceExhausted:
                return (ExitCodes.Unavailable, $"rate limit reached, retry later: {detail}");
            case StatusCode.DeadlineExceeded:
                return (ExitCodes.Unavailable, $"{endpoint} did not answer in time (DEADLINE_EXCEEDED)");
            case StatusCode.Unavailable when IsConnectionFailure(rpc):
                return (ExitCodes.Unavailable, $"cannot reach {endpoint} ({ConnectionReason(rpc)}); is the host running? (endpoint from {settings?.EndpointSource})");
            case StatusCode.Unavailable:
                return (ExitCodes.Unavailable, $"{endpoint} is unavailable, retry later: {detail}");
            case StatusCode.Cancelled:
                return (ExitCodes.Interrupted, "cancelled");
            default:
                return (ExitCodes.ServerError, $"server error ({rpc.StatusCode}): {detail}");
        }
    }

    private static bool IsConnectionFailure(RpcException rpc) =>
        rpc.Status.DebugException is HttpRequestException or SocketException
        || rpc.Status.Detail.StartsWith("Error connecting", StringComparison.Ordinal)
        || rpc.Status.Detail.StartsWith("Error starting gRPC call", StringComparison.Ordinal);

    private static string ConnectionReason(RpcException rpc)
    {
        for (var e = rpc.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is SocketException s)
            {
                return s.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    _ => s.Message,
                };
            }

            if (e is HttpRequestException { InnerException: null } h)
            {
                return h.Message;
            }
        }

        return rpc.Status.Detail;
    }
}
