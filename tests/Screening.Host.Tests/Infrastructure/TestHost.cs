using Microsoft.Extensions.Configuration;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Screening.Host.Storage;

namespace Screening.Host.Tests.Infrastructure;

/// <summary>
/// Starts the real platform host in process against a test database (external storage mode), on free ports, and
/// gives gRPC channels to it. Restart keeps the database and ports.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _settings;
    private readonly List<GrpcChannel> _channels = [];

    private TestHost(string connectionString, IDictionary<string, string?>? extra)
    {
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Security:OperatorKey"] = OperatorKey,
            ["Security:KeyCacheDuration"] = "00:00:00.200",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = "0",
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (extra is not null)
        {
            foreach (var (k, v) in extra)
            {
                _settings[k] = v;
            }
        }
    }

    public string ConnectionString { get; }

    public PlatformHost Host { get; private set; } = null!;

    public Uri GrpcAddress => Host.Endpoints.Grpc;

    public Uri HttpAddress => Host.Endpoints.Http;

    /// <summary>Another silo of the same cluster (same database and cluster id, its own ports).</summary>
    public async Task<TestHost> StartSiblingAsync(IDictionary<string, string?>? settings = null)
    {
        var extra = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Orleans:ClusterId"] = _settings["Orleans:ClusterId"],
            ["Seed:Demo"] = "false",
        };
        var sibling = new TestHost(ConnectionString, extra);
        await sibling.StartFirstAsync(settings);
        return sibling;
    }

    /// <summary>A host on a given database.</summary>
    public static async Task<TestHost> StartOnAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var host = new TestHost(connectionString, settings);
        await host.StartFirstAsync(settings);
        return host;
    }

    public static async Task<TestHost> StartAsync(PostgresFixture postgres, IDictionary<string, string?>? settings = null)
    {
        var host = new TestHost(await postgres.CreateDatabaseAsync("host"), settings);
        await host.StartFirstAsync(settings);
        return host;
    }

    /// <summary>The settings the host runs with (tests may read or change them before a restart).</summary>
    public IDictionary<string, string?> Settings => _settings;

    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    /// <summary>A channel whose calls carry <paramref name="apiKey"/> as bearer key (none when null).</summary>
    public GrpcChannel Channel(string? apiKey)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (apiKey is not null)
            {
                metadata.Add("authorization", "Bearer " + apiKey);
            }

            return Task.CompletedTask;
        });
        var channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        _channels.Add(channel);
        return channel;
    }

    private async Task StartHostAsync()
    {
        Host = await PlatformHost.StartAsync([], c => c.AddInMemoryCollection(_settings));
    }

    /// <summary>
    /// The first start: a port drawn by <see cref="FreePorts"/> is free only when drawn, and another process (an
    /// outgoing connection's ephemeral port, a parallel test's host) may take it before the host binds it. Then the
    /// ports this class chose are drawn again, a few times; ports a test set itself are kept.
    /// </summary>
    private async Task StartFirstAsync(IDictionary<string, string?>? extra)
    {
        var ownPorts = new[] { "Kestrel:Endpoints:Grpc:Url", "Kestrel:Endpoints:Http:Url", "Orleans:SiloPort" }.Where(k => extra?.ContainsKey(k) != true).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartHostAsync();
                return;
            }
            catch (PlatformStartupException e) when (attempt < 4 && ownPorts.Length == 3 && e.Message.StartsWith("A port is already in use", StringComparison.Ordinal))
            {
                foreach (var key in ownPorts)
                {
                    var port = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
                    _settings[key] = key.StartsWith("Kestrel", StringComparison.Ordinal) ? $"http://127.0.0.1:{port}" : port;
                }
            }
        }
    }

    private async Task StopHostAsync()
    {
        foreach (var c in _channels)
        {
            c.Dispose();
        }

        _channels.Clear();
        await Host.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopHostAsync();
}
