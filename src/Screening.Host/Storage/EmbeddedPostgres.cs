using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Screening.Host.Storage;

/// <summary>
/// A private PostgreSQL server run from the installed binaries in a data folder of ours: initialised on first use,
/// started on a free loopback port with a generated password, stopped on dispose. The folder is reused across
/// restarts, so state survives. While a host uses the folder it holds an exclusive lock on it; a server left
/// running by a host that crashed is found through that lock and stopped before a new one starts.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>Name of the database created for the platform.</summary>
    public const string DatabaseName = "screening";

    private const string SuperUser = "platform";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresBinaries _binaries;
    private readonly string _root;
    private readonly string? _runAs;
    private readonly ILogger _logger;
    private FileStream? _lock;
    private int? _fixedPort;
    private bool _running;

    private EmbeddedPostgres(PostgresBinaries binaries, string root, string? runAs, ILogger logger)
    {
        _binaries = binaries;
        _root = root;
        _runAs = runAs;
        _logger = logger;
    }

    /// <summary>Folder of the database cluster.</summary>
    public string ClusterDirectory => Path.Combine(_root, "cluster");

    /// <summary>The data folder given in configuration, as a full path.</summary>
    public string DataDirectory => _root;

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of the platform database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    private string LogFile => Path.Combine(_root, "server.log");

    private string CredentialsFile => Path.Combine(_root, "credentials.json");

    /// <summary>Initialises (first time) and starts the server; returns once the platform database accepts connections.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string? binDirectory, string serverUser, ILogger logger, CancellationToken ct, int? port = null)
    {
        var binaries = PostgresBinaries.Locate(binDirectory);
        var root = Path.GetFullPath(dataDirectory);
        var runAs = Environment.UserName == "root" ? serverUser : null;
        var server = new EmbeddedPostgres(binaries, root, runAs, logger) { _fixedPort = port };
        try
        {
            await server.StartCoreAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        PrepareFolder();
        AcquireLock();
        if (_runAs is not null)
        {
            await GrantFolderToServerUserAsync(ct);
        }

        await StopStaleServerAsync(ct);
        var password = await InitialiseIfNeededAsync(ct);
        await StartServerAsync(ct);
        _running = true;

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = "postgres",
            Pooling = false,
        };
        await using (var conn = new NpgsqlConnection(builder.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = DatabaseName } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", conn);
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        builder.Database = DatabaseName;
        builder.Pooling = true;
        ConnectionString = builder.ConnectionString;
        EmbeddedPostgresLog.Started(_logger, _root, Port, _binaries.Directory);
    }

    private void PrepareFolder()
    {
        try
        {
            Directory.CreateDirectory(_root);
            var probe = Path.Combine(_root, $".probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlatformStartupException(
                $"Storage:DataDirectory '{_root}' cannot be written ({e.Message}): choose a writable folder with Storage:DataDirectory (environment Storage__DataDirectory) or fix its permissions.", e);
        }
    }

    private void AcquireLock()
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix; the OS releases it if we die.
            _lock = new FileStream(Path.Combine(_root, "host.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new PlatformStartupException(
                $"Storage:DataDirectory '{_root}' is in use by another running host: stop it, or give this host its own folder with Storage:DataDirectory.", e);
        }
    }

    private async Task GrantFolderToServerUserAsync(CancellationToken ct)
    {
        var chown = await ProcessRunner.RunAsync("chown", ["-R", _runAs!, _root], null, CommandTimeout, ct);
        if (chown.ExitCode != 0)
        {
            throw new PlatformStartupException(
                $"Storage:ServerUser '{_runAs}' cannot be given the data folder '{_root}' ({FirstLine(chown.Output)}): PostgreSQL refuses to run as root, so create that user (Debian's postgresql package does) or run the host as an ordinary user.");
        }

        var access = await ProcessRunner.RunAsync("test", ["-w", _root, "-a", "-x", _root], _runAs, CommandTimeout, ct);
        if (access.ExitCode != 0)
        {
            throw new PlatformStartupException(
                $"Storage:DataDirectory '{_root}' is not reachable by the server user '{_runAs}' (a parent folder is not searchable): choose a folder outside private home folders, e.g. Storage:DataDirectory=/var/tmp/screening.");
        }
    }

    private async Task StopStaleServerAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsAlive(pid))
        {
            // PostgreSQL removes a lock file whose process is gone by itself.
            return;
        }

        // We hold the folder lock, so no live host owns this server: a previous host crashed and left it running.
        EmbeddedPostgresLog.StoppingStale(_logger, pid, ClusterDirectory);
        var stop = await ProcessRunner.RunAsync(_binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], _runAs, CommandTimeout, ct);
        if (stop.ExitCode != 0 && IsAlive(pid))
        {
            throw new PlatformStartupException(
                $"A PostgreSQL server (pid {pid}) left running on Storage:DataDirectory '{_root}' could not be stopped ({FirstLine(stop.Output)}): stop it by hand (pg_ctl stop -D {ClusterDirectory}).");
        }
    }

    /// <summary>Whether a process runs (a zombie waiting for its parent does not).</summary>
    internal static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task<string> InitialiseIfNeededAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            if (!File.Exists(CredentialsFile))
            {
                throw new PlatformStartupException(
                    $"Storage:DataDirectory '{_root}' holds a database cluster but no credentials.json: restore that file, or choose an empty folder.");
            }

            using var stream = File.OpenRead(CredentialsFile);
            var stored = await JsonSerializer.DeserializeAsync<StoredCredentials>(stream, cancellationToken: ct);
            return stored?.Password ?? throw new PlatformStartupException($"'{CredentialsFile}' is unreadable: restore it, or choose an empty Storage:DataDirectory.");
        }

        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory, recursive: true); // a half-finished initdb from an interrupted first start
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var pwFile = Path.Combine(_root, ".pwfile");
        await File.WriteAllTextAsync(pwFile, password, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pwFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (_runAs is not null)
        {
            await ProcessRunner.RunAsync("chown", [_runAs, pwFile], null, CommandTimeout, ct);
        }

        EmbeddedPostgresLog.Initialising(_logger, ClusterDirectory);
        try
        {
            var init = await ProcessRunner.RunAsync(
                _binaries.InitDb,
                ["-D", ClusterDirectory, "-U", SuperUser, $"--pwfile={pwFile}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"],
                _runAs,
                CommandTimeout,
                ct);
            if (init.ExitCode != 0)
            {
                throw new PlatformStartupException($"initdb failed for Storage:DataDirectory '{_root}': {FirstLine(init.Output)}");
            }
        }
        finally
        {
            File.Delete(pwFile);
        }

        // Loopback TCP only: no Unix socket, so the server needs no writable /var/run/postgresql.
        await File.AppendAllTextAsync(
            Path.Combine(ClusterDirectory, "postgresql.conf"),
            "\n# screening platform (embedded)\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 500\n",
            ct);

        await using (var stream = File.Create(CredentialsFile))
        {
            await JsonSerializer.SerializeAsync(stream, new StoredCredentials(SuperUser, password), cancellationToken: ct);
        }

        if (!OperatingSystem.IsWindows())

        {

            File.SetUnixFileMode(CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        }
        return password;
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        string lastError = string.Empty;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = _fixedPort ?? FreeLoopbackPort();
            var start = await ProcessRunner.RunAsync(
                _binaries.PgCtl,
                ["start", "-D", ClusterDirectory, "-w", "-t", "60", "-l", LogFile, "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}"],
                _runAs,
                CommandTimeout,
                ct,
                newSession: true);
            if (start.ExitCode == 0)
            {
                return;
            }

            lastError = TailOfLog() ?? FirstLine(start.Output);
        }

        throw new PlatformStartupException($"The embedded PostgreSQL in Storage:DataDirectory '{_root}' did not start: {lastError} (full log: {LogFile}).");
    }

    private string? TailOfLog()
    {
        try
        {
            return File.ReadLines(LogFile).LastOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";

    /// <summary>
    /// Releases the folder lock without stopping the server: what the OS does when a host process dies. Tests use
    /// it to leave a stale server behind.
    /// </summary>
    internal async ValueTask AbandonAsync()
    {
        _running = false;
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }
    }

    /// <summary>Stops the server (fast shutdown) but keeps the folder locked; <see cref="ResumeAsync"/> starts it again on the same port. Fault tests use it.</summary>
    internal async Task SuspendAsync()
    {
        await ProcessRunner.RunAsync(_binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], _runAs, CommandTimeout, CancellationToken.None);
        _running = false;
    }

    /// <summary>Starts a suspended server again on its port.</summary>
    internal async Task ResumeAsync()
    {
        _fixedPort = Port;
        await StartServerAsync(CancellationToken.None);
        _running = true;
    }

    /// <summary>Stops the server (fast shutdown) and releases the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            _running = false;
            NpgsqlConnection.ClearAllPools();
            var stop = await ProcessRunner.RunAsync(_binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], _runAs, CommandTimeout, CancellationToken.None);
            EmbeddedPostgresLog.Stopped(_logger, _root, stop.ExitCode);
        }

        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }
    }

    private sealed record StoredCredentials(string User, string Password);
}
