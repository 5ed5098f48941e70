using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;
using Screening.Api.Extensions;
using Screening.Api.Security;
using Screening.Host.Extensions;
using Screening.Host.Health;
using Screening.Grains.Lists;
using Screening.Host.Options;
using Screening.Host.Seed;
using Screening.Host.Storage;

namespace Screening.Host;

/// <summary>
/// One platform process: its database (embedded or external), an Orleans silo and Kestrel serving gRPC (HTTP/2)
/// and HTTP/1.1, started in that order and stopped in reverse.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PlatformStorage _storage;
    private readonly List<string> _seedLines = [];

    private PlatformHost(WebApplication app, PlatformStorage storage, PlatformEndpoints endpoints, string operatorKey, string? operatorKeyFile)
    {
        _app = app;
        _storage = storage;
        Endpoints = endpoints;
        OperatorKey = operatorKey;
        OperatorKeyFile = operatorKeyFile;
    }

    /// <summary>Where the host listens.</summary>
    public PlatformEndpoints Endpoints { get; }

    /// <summary>The operator key in force.</summary>
    public string OperatorKey { get; }

    /// <summary>File the operator key was generated into, when the host generated it.</summary>
    public string? OperatorKeyFile { get; }

    /// <summary>The database.</summary>
    public PlatformStorage Storage => _storage;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Runs until SIGTERM or Ctrl-C. Returns the process exit code; start-up problems print one line and return 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        PlatformHost host;
        try
        {
            host = await StartAsync(args);
        }
        catch (PlatformStartupException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }

        await using (host)
        {
            host.PrintBanner(Console.Out);
            await host._app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>Starts a host. <paramref name="configure"/> lets tests add configuration after the usual sources.</summary>
    public static async Task<PlatformHost> StartAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);

        var storageOptions = Bind<StorageOptions>(builder.Configuration, StorageOptions.SectionName);
        var orleansOptions = Bind<OrleansHostOptions>(builder.Configuration, OrleansHostOptions.SectionName);
        var securityOptions = Bind<SecurityOptions>(builder.Configuration, SecurityOptions.SectionName);
        CheckPortsFree(builder.Configuration, orleansOptions);

        using var loggerFactory = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var startupLogger = loggerFactory.CreateLogger("Screening.Host.Storage");
        var storage = await PlatformStorage.OpenAsync(storageOptions, startupLogger, ct);
        try
        {
            var (operatorKey, operatorKeyFile) = ResolveOperatorKey(securityOptions, storage);
            builder.Configuration[$"{SecurityOptions.SectionName}:{nameof(SecurityOptions.OperatorKey)}"] = operatorKey;

            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(storage.ConnectionString));
            builder.Host.UseOrleans(silo => silo.UsePlatformStorage(orleansOptions, storage.ConnectionString));
            builder.Services.AddScreeningApi();
            builder.Services.AddPlatformLists();
            builder.Services.AddPlatformMonitoring();
            builder.Services.AddPlatformAudit(builder.Configuration, storage.ConnectionString);
            builder.Services.AddGrpcReflection();
            builder.Services.AddGrpcHealthChecks().AddCheck<ReadinessHealthCheck>("ready", tags: [ReadinessHealthCheck.Tag]);
            builder.AddPlatformTelemetry();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

            var app = builder.Build();
            app.MapWebConsole();
            app.MapScreeningApi();
            app.MapGrpcReflectionService();
            app.MapGrpcHealthChecksService();
            app.MapPlatformMetrics();
            app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
            app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadinessHealthCheck.Tag) });

            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (FindAddressInUse(e) is not null)
            {
                await app.DisposeAsync();
                throw new PlatformStartupException($"A port is already in use ({FindAddressInUse(e)!.Message}): stop the other process or choose other ports (Kestrel:Endpoints:Grpc:Url, Kestrel:Endpoints:Http:Url, Orleans:SiloPort, Orleans:GatewayPort).", e);
            }

            var host = new PlatformHost(app, storage, ReadEndpoints(app), operatorKey, operatorKeyFile);
            try
            {
                await host.SeedAsync(Bind<SeedOptions>(builder.Configuration, SeedOptions.SectionName), ct);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }

            return host;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    private async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        var demo = options.Demo ?? _storage.Embedded is not null;
        if (!demo && string.IsNullOrWhiteSpace(options.OfficialListsFolder))
        {
            return;
        }

        var demoKeyFile = _storage.Embedded is { } e ? Path.Combine(e.DataDirectory, "demo-key") : null;
        var lines = await DemoData.LoadAsync(Services.GetRequiredService<IGrainFactory>(), Services.GetRequiredService<ListStore>(), demo, options.OfficialListsFolder, demoKeyFile, ct);
        _seedLines.AddRange(lines);
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new PlatformStartupException($"Configuration section '{section}' has an invalid value: {e.InnerException?.Message ?? e.Message}", e);
        }

        return options;
    }

    private static (string Key, string? File) ResolveOperatorKey(SecurityOptions security, PlatformStorage storage)
    {
        if (security.OperatorKey is { } configured)
        {
            if (configured.Trim().Length < 16)
            {
                throw new PlatformStartupException("Security:OperatorKey is shorter than 16 characters: give a long random key (environment Security__OperatorKey), e.g. from `openssl rand -hex 32`.");
            }

            return (configured.Trim(), null);
        }

        if (storage.Embedded is not { } embedded)
        {
            throw new PlatformStartupException("Security:OperatorKey is not set: with external storage the operator key must be configured (environment Security__OperatorKey), e.g. from `openssl rand -hex 32`.");
        }

        // Embedded default: generate once and keep it beside the database so restarts reuse it.
        var file = Path.Combine(embedded.DataDirectory, "operator-key");
        if (File.Exists(file))
        {
            return (File.ReadAllText(file).Trim(), file);
        }

        var key = "op_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (key, file);
    }

    private static void CheckPortsFree(IConfiguration configuration, OrleansHostOptions orleans)
    {
        var checks = new List<(string Setting, int Port)> { ("Orleans:SiloPort", orleans.SiloPort) };
        if (orleans.GatewayPort != 0)
        {
            checks.Add(("Orleans:GatewayPort", orleans.GatewayPort));
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (Uri.TryCreate(endpoint["Url"], UriKind.Absolute, out var url) && url.Port > 0)
            {
                checks.Add(($"Kestrel:Endpoints:{endpoint.Key}:Url", url.Port));
            }
        }

        foreach (var (setting, port) in checks)
        {
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
            }
            catch (SocketException e)
            {
                throw new PlatformStartupException($"{setting}: port {port.ToString(CultureInfo.InvariantCulture)} is already in use ({e.Message}): stop the process using it or choose another port (e.g. --{setting}=...).", e);
            }
        }
    }

    private static Exception? FindAddressInUse(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || x is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } })
            {
                return x;
            }
        }

        return null;
    }

    private static PlatformEndpoints ReadEndpoints(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        var configured = app.Configuration.GetSection("Kestrel:Endpoints");
        Uri Pick(string name, int index)
        {
            var url = configured[$"{name}:Url"];
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Port > 0)
            {
                return u;
            }

            return addresses.Count > index ? addresses[index] : addresses[0];
        }

        return new PlatformEndpoints(Pick("Grpc", 0), Pick("Http", 1));
    }

    /// <summary>Prints where the platform listens and how to reach it.</summary>
    public void PrintBanner(TextWriter output)
    {
        output.WriteLine("Screening platform is running.");
        output.WriteLine($"  gRPC (HTTP/2):  {Endpoints.Grpc}");
        output.WriteLine($"  HTTP/1.1:       {Endpoints.Http}  (/healthz, /readyz, REST /v1/...)");
        output.WriteLine($"  web console:    {new Uri(Endpoints.Http, WebConsoleExtensions.Path + "/")}  (sign in with a tenant-admin key)");
        output.WriteLine(_storage.Embedded is { } e
            ? $"  storage:        embedded PostgreSQL, data folder {e.DataDirectory} (port {e.Port})"
            : "  storage:        external PostgreSQL (Storage:ConnectionString)");
        output.WriteLine(OperatorKeyFile is not null
            ? $"  operator key:   {OperatorKey}  (generated; kept in {OperatorKeyFile})"
            : "  operator key:   from Security:OperatorKey");
        foreach (var line in _seedLines)
        {
            output.WriteLine(line);
        }

        output.WriteLine("Press Ctrl-C to stop.");
        output.Flush();
    }

    /// <summary>Stops Kestrel and the silo, then the database.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();

            // Idle pooled connections would otherwise stay open on the server for minutes after this host is gone.
            using (var pooled = new NpgsqlConnection(_storage.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await _storage.DisposeAsync();
        }
    }
}
