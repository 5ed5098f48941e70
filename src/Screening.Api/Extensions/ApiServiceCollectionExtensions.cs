using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Screening.Api.Grpc;
using Screening.Api.Security;

namespace Screening.Api.Extensions;

/// <summary>Registers and maps the platform's gRPC services.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the gRPC services, their interceptor and the key authenticator.</summary>
    public static IServiceCollection AddScreeningApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<PlatformInterceptor>();
        services.AddSingleton<TenantRateLimiter>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.RequestsPerSecond >= 0 && o.Burst >= 0, "RateLimit:RequestsPerSecond and RateLimit:Burst must not be negative")
            .ValidateOnStart();
        services.AddGrpc(o =>
            {
                o.MaxReceiveMessageSize = 16 * 1024 * 1024;
                o.EnableDetailedErrors = false;
            })
            .AddJsonTranscoding()
            .AddServiceOptions<ScreeningGrpcService>(o => o.Interceptors.Add<PlatformInterceptor>())
            .AddServiceOptions<TenantAdminGrpcService>(o => o.Interceptors.Add<PlatformInterceptor>())
            .AddServiceOptions<AuditGrpcService>(o => o.Interceptors.Add<PlatformInterceptor>())
            .AddServiceOptions<MonitoringGrpcService>(o => o.Interceptors.Add<PlatformInterceptor>())
            .AddServiceOptions<ListAdminGrpcService>(o =>
            {
                o.Interceptors.Add<PlatformInterceptor>();
                o.MaxReceiveMessageSize = 8 * 1024 * 1024; // per chunk; the whole file is bounded by Lists:Import:MaxFileBytes
            });
        services.AddOptions<ListImportOptions>().BindConfiguration(ListImportOptions.SectionName);
        return services;
    }

    /// <summary>Maps the platform's gRPC services.</summary>
    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ScreeningGrpcService>();
        endpoints.MapGrpcService<TenantAdminGrpcService>();
        endpoints.MapGrpcService<AuditGrpcService>();
        endpoints.MapGrpcService<MonitoringGrpcService>();
        endpoints.MapGrpcService<ListAdminGrpcService>();
        return endpoints;
    }
}
