using Grpc.Core;
using Screening.Grains.Abstractions.Tenants;

namespace Screening.Api.Security;

/// <summary>Who is calling: the operator, or a key of one tenant with one role.</summary>
public sealed record CallerIdentity(string? TenantId, ApiKeyRole Role, string KeyId)
{
    private const string UserStateKey = "screening.caller";

    /// <summary>The platform operator.</summary>
    public static CallerIdentity Operator { get; } = new(null, ApiKeyRole.Operator, "operator");

    /// <summary>Whether this is the operator.</summary>
    public bool IsOperator => Role == ApiKeyRole.Operator;

    /// <summary>The identity the authentication interceptor attached to the call.</summary>
    public static CallerIdentity Of(ServerCallContext context) =>
        context.UserState.TryGetValue(UserStateKey, out var value) && value is CallerIdentity caller
            ? caller
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "no caller identity"));

    internal void AttachTo(ServerCallContext context) => context.UserState[UserStateKey] = this;

    /// <summary>PERMISSION_DENIED unless the caller is the operator.</summary>
    public void RequireOperator()
    {
        if (!IsOperator)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "this operation needs the operator key"));
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller is the operator or a key of any tenant with at least <paramref name="role"/> (reads of public data such as the lists).</summary>
    public void RequireOperatorOrRole(ApiKeyRole role)
    {
        if (!IsOperator && Role < role)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"this operation needs the operator key or a key with role {(role == ApiKeyRole.TenantAdmin ? "tenant-admin" : "screening")}"));
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller is the operator or a key of <paramref name="tenantId"/> with at least <paramref name="role"/>.</summary>
    public void RequireTenant(string tenantId, ApiKeyRole role)
    {
        if (IsOperator)
        {
            return;
        }

        if (!string.Equals(TenantId, tenantId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "this key belongs to another tenant"));
        }

        if (Role < role)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"this operation needs a key with role {(role == ApiKeyRole.TenantAdmin ? "tenant-admin" : "screening")}"));
        }
    }
}
