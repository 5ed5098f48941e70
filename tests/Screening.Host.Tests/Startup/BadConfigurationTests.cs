using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Screening.Host.Storage;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Startup;

/// <summary>Each bad setting stops the host with one line that names the setting and the fix.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BadConfigurationTests(PostgresFixture postgres)
{
    private static Task<PlatformHost> StartAsync(Dictionary<string, string?> settings) =>
        PlatformHost.StartAsync([], c => c.AddInMemoryCollection(settings));

    private static Dictionary<string, string?> Base(string connectionString) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Security:OperatorKey"] = TestHost.OperatorKey,
        ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePorts.Next()}",
        ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{FreePorts.Next()}",
        ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = "0",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task Start_WrongConnectionString_NamesTheSetting()
    {
        var settings = Base("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=3");

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(settings));

        Assert.StartsWith("Storage:ConnectionString: cannot connect to PostgreSQL at 127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedConnectionString_NamesTheSetting()
    {
        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(Base("this is not a connection string")));

        Assert.StartsWith("Storage:ConnectionString is malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ExternalStorageWithoutOperatorKey_NamesTheSetting()
    {
        var settings = Base(await postgres.CreateDatabaseAsync("cfg"));
        settings.Remove("Security:OperatorKey");

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(settings));

        Assert.StartsWith("Security:OperatorKey is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShortOperatorKey_NamesTheSetting()
    {
        var settings = Base(await postgres.CreateDatabaseAsync("cfg"));
        settings["Security:OperatorKey"] = "short";

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(settings));

        Assert.StartsWith("Security:OperatorKey is shorter than 16 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GrpcPortInUse_NamesTheSetting()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var settings = Base(await postgres.CreateDatabaseAsync("cfg"));
        settings["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(settings));

        Assert.StartsWith("Kestrel:Endpoints:Grpc:Url: port", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SiloPortInUse_NamesTheSetting()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var settings = Base(await postgres.CreateDatabaseAsync("cfg"));
        settings["Orleans:SiloPort"] = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() => StartAsync(settings));

        Assert.StartsWith("Orleans:SiloPort: port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostProcess_MissingBinaries_ExitsNonZeroWithOneLine()
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Screening.Host.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(hostDll);
        psi.ArgumentList.Add("--Storage:BinDirectory=/nonexistent/postgresql/bin");
        psi.ArgumentList.Add("--Storage:DataDirectory=" + Path.Combine(Path.GetTempPath(), "screening-nobin-" + Guid.NewGuid().ToString("N")[..8]));

        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Storage:BinDirectory '/nonexistent/postgresql/bin' does not contain initdb and pg_ctl", line, StringComparison.Ordinal);
    }
}
