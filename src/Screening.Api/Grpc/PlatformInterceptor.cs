using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Screening.Api.Security;

namespace Screening.Api.Grpc;

/// <summary>
/// Runs around every call of the platform's services: authenticates the bearer key (UNAUTHENTICATED when missing
/// or unknown), attaches the caller, and turns failures into status codes a client can act on.
/// </summary>
public sealed class PlatformInterceptor(ApiKeyAuthenticator authenticator, TenantRateLimiter rateLimiter, ILogger<PlatformInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await AuthenticateAsync(context);
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw RpcErrors.From(e, logger);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await AuthenticateAsync(context);
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw RpcErrors.From(e, logger);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await AuthenticateAsync(context);
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw RpcErrors.From(e, logger);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await AuthenticateAsync(context);
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw RpcErrors.From(e, logger);
        }
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "missing 'authorization: Bearer <api-key>' header"));
        }

        var caller = await authenticator.AuthenticateAsync(header[7..].Trim())
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "unknown or revoked API key"));
        if (caller.TenantId is { } tenant && !rateLimiter.TryAcquire(tenant))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"tenant '{tenant}' is over its rate limit (RateLimit:RequestsPerSecond); retry later"));
        }

        caller.AttachTo(context);
    }
}
