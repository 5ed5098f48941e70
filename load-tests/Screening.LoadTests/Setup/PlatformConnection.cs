using System.Net;
using Grpc.Core;
using Grpc.Net.Client;

namespace Screening.LoadTests.Setup;

/// <summary>gRPC channels to one or more hosts; callers are spread over them round-robin.</summary>
public sealed class PlatformConnection : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];

    public PlatformConnection(IReadOnlyList<Uri> targets, int connectionsPerTarget)
    {
        foreach (var target in targets)
        {
            for (var i = 0; i < connectionsPerTarget; i++)
            {
                _channels.Add(GrpcChannel.ForAddress(target, new GrpcChannelOptions
                {
                    HttpHandler = new SocketsHttpHandler
                    {
                        EnableMultipleHttp2Connections = true,
                        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                        AutomaticDecompression = DecompressionMethods.None,
                    },
                    MaxReceiveMessageSize = 64 * 1024 * 1024,
                    MaxSendMessageSize = 64 * 1024 * 1024,
                }));
            }
        }
    }

    /// <summary>The first target's first channel: used for set-up.</summary>
    public GrpcChannel Admin => _channels[0];

    public int Count => _channels.Count;

    /// <summary>The channel of caller <paramref name="caller"/>.</summary>
    public GrpcChannel For(int caller) => _channels[caller % _channels.Count];

    /// <summary>Call headers carrying <paramref name="key"/> as bearer key.</summary>
    public static Metadata Bearer(string key) => new() { { "authorization", "Bearer " + key } };

    public void Dispose()
    {
        foreach (var c in _channels)
        {
            c.Dispose();
        }
    }
}
