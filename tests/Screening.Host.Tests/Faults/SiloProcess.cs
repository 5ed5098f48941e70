using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Faults;

/// <summary>
/// One platform host as a real operating-system process (<c>dotnet Screening.Host.dll</c>, the build of src/Screening.Host),
/// in external storage mode, on its own ports. It can be killed with SIGKILL, stopped with SIGTERM and started again on
/// the same ports.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _clusterId;
    private readonly bool _seed;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _process;

    public SiloProcess(int index, string connectionString, string clusterId, bool seed)
    {
        Index = index;
        _connectionString = connectionString;
        _clusterId = clusterId;
        _seed = seed;
        GrpcAddress = new Uri($"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}");
        HttpAddress = new Uri($"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}");
        SiloPort = FreePorts.Next();
    }

    public int Index { get; }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public int SiloPort { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>The host binary: the build of src/Screening.Host in the configuration these tests were built in.</summary>
    public static string HostDll { get; } = FindHostDll();

    private static string FindHostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(SharedData.RepositoryRoot, "src", "Screening.Host", "bin", configuration, "net10.0", "Screening.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/Screening.Host first (the test project references it, so `dotnet test` does)", dll);
    }

    /// <summary>Starts the process (does not wait for readiness).</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(HostDll)! };
        foreach (var arg in new[]
        {
            HostDll,
            "--Storage:ConnectionString=" + _connectionString,
            "--Security:OperatorKey=" + TestHost.OperatorKey,
            "--Security:KeyCacheDuration=00:00:01",
            "--Seed:Demo=" + (_seed ? "true" : "false"),
            "--Kestrel:Endpoints:Grpc:Url=" + GrpcAddress,
            "--Kestrel:Endpoints:Http:Url=" + HttpAddress,
            "--Orleans:SiloPort=" + SiloPort.ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort=0",
            "--Orleans:ClusterId=" + _clusterId,
            "--Audit:FailureBackoff=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>The last lines the process printed (for failure messages).</summary>
    public string LogTail()
    {
        lock (_log)
        {
            var text = _log.ToString();
            return text.Length > 3000 ? text[^3000..] : text;
        }
    }

    /// <summary>Whether GET /readyz answers 200.</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(HttpAddress, "/readyz"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until /readyz answers 200; fails with the process's output if it exits or takes over two minutes.</summary>
    public async Task WaitReadyAsync()
    {
        var watch = Stopwatch.StartNew();
        while (!await IsReadyAsync())
        {
            if (_process is null || _process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"silo {Index} did not become ready (exited: {_process?.HasExited}):\n{LogTail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: false);
        _process?.WaitForExit();
    }

    /// <summary>SIGTERM and wait for the host to leave the cluster and exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new InvalidOperationException($"silo {Index} did not stop within 60 s of SIGTERM:\n{LogTail()}");
        }
    }

    /// <summary>A channel whose calls carry <paramref name="apiKey"/>.</summary>
    public GrpcChannel Channel(string apiKey) =>
        GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + apiKey);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // killed after the timeout
            }
        }

        _process?.Dispose();
        _http.Dispose();
    }
}
