using System.Net;
using System.Net.Sockets;
using Screening.Cli.Connection;
using Screening.Cli.Tests.Infrastructure;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>Endpoint and key resolution, and the one-line failures for a wrong key and a server that is down.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectionTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ping_WrongKey_ExitsAuthWithOneLine()
    {
        var result = await Screenctl.RunAsync(_host, "sk_wrong_key_0123456789", "ping");

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("rejected the key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_ServerDown_ExitsUnavailableWithOneLine()
    {
        var port = FreePort();

        var result = await Screenctl.RunAsync("screen", "Taliban", "--endpoint", $"http://127.0.0.1:{port}", "--key", "sk_any_key_0123456789");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.Contains($"cannot reach http://127.0.0.1:{port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_OperatorKey_Ok()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "ping", "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("\"endpoint\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_UnknownFlag_ExitsUsageWithOneLine()
    {
        var result = await Screenctl.RunAsync("screen", "Taliban", "--colour", "red");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(Lines(result.Error));
    }

    [Fact]
    public void Resolve_FlagsBeatEnvironmentBeatProfile()
    {
        var env = new Dictionary<string, string?> { ["SCREENCTL_ENDPOINT"] = "http://env:1", ["SCREENCTL_KEY"] = "env-key" };
        var profile = new ProfileFile { Endpoint = "http://profile:2", Key = "profile-key", Path = "p.json" };

        var fromFlags = ConnectionSettings.Resolve("http://flag:3", "flag-key", profile, v => env.GetValueOrDefault(v));
        var fromEnv = ConnectionSettings.Resolve(null, null, profile, v => env.GetValueOrDefault(v));
        var fromProfile = ConnectionSettings.Resolve(null, null, profile, _ => null);
        var fromDefault = ConnectionSettings.Resolve(null, null, null, _ => null);

        Assert.Equal(("http://flag:3/", "flag-key"), (fromFlags.Endpoint.ToString(), fromFlags.Key));
        Assert.Equal(("http://env:1/", "env-key"), (fromEnv.Endpoint.ToString(), fromEnv.Key));
        Assert.Equal(("http://profile:2/", "profile-key"), (fromProfile.Endpoint.ToString(), fromProfile.Key));
        Assert.Equal(("http://127.0.0.1:5080/", null), (fromDefault.Endpoint.ToString(), fromDefault.Key));
    }

    [Fact]
    public async Task ProfileFile_SavedThenUsed_ConnectsWithoutFlags()
    {
        var path = Path.Combine(Path.GetTempPath(), "screenctl-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var saved = await Screenctl.RunAsync("profile", "save", "--profile", path, "--endpoint", _host.GrpcAddress.ToString(), "--key", TestHost.OperatorKey);
            var ping = await Screenctl.RunAsync("ping", "--profile", path);

            Assert.Equal(ExitCodes.Ok, saved.ExitCode);
            Assert.True(ping.ExitCode == ExitCodes.Ok, ping.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
