using Grpc.Core;
using Grpc.Net.Client;
using Screening.Contracts.V1;

namespace Screening.Cli.Connection;

/// <summary>One gRPC channel to the platform whose calls carry the bearer key, and the service clients on it.</summary>
internal sealed class PlatformConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public PlatformConnection(ConnectionSettings settings)
    {
        Settings = settings;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        var key = settings.Key;
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (key is not null)
            {
                metadata.Add("authorization", "Bearer " + key);
            }

            return Task.CompletedTask;
        });
        var secure = settings.Endpoint.Scheme == Uri.UriSchemeHttps;
        _channel = GrpcChannel.ForAddress(settings.Endpoint, new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = !secure,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        Screening = new ScreeningService.ScreeningServiceClient(_channel);
        Tenants = new TenantAdminService.TenantAdminServiceClient(_channel);
        Lists = new ListAdminService.ListAdminServiceClient(_channel);
        Audit = new AuditService.AuditServiceClient(_channel);
        Monitoring = new MonitoringService.MonitoringServiceClient(_channel);
    }

    public ConnectionSettings Settings { get; }

    public ScreeningService.ScreeningServiceClient Screening { get; }

    public TenantAdminService.TenantAdminServiceClient Tenants { get; }

    public ListAdminService.ListAdminServiceClient Lists { get; }

    public AuditService.AuditServiceClient Audit { get; }

    public MonitoringService.MonitoringServiceClient Monitoring { get; }

    public void Dispose() => _channel.Dispose();
}
