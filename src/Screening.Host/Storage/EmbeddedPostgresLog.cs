using Microsoft.Extensions.Logging;

namespace Screening.Host.Storage;

internal static partial class EmbeddedPostgresLog
{
    [LoggerMessage(1001, LogLevel.Information, "Embedded PostgreSQL started: data folder {DataDirectory}, port {Port}, binaries {BinDirectory}")]
    public static partial void Started(ILogger logger, string dataDirectory, int port, string binDirectory);

    [LoggerMessage(1002, LogLevel.Information, "Initialising a new PostgreSQL cluster in {ClusterDirectory}")]
    public static partial void Initialising(ILogger logger, string clusterDirectory);

    [LoggerMessage(1003, LogLevel.Warning, "A PostgreSQL server (pid {Pid}) was left running on {ClusterDirectory} by a host that stopped abnormally; stopping it")]
    public static partial void StoppingStale(ILogger logger, int pid, string clusterDirectory);

    [LoggerMessage(1004, LogLevel.Information, "Embedded PostgreSQL in {DataDirectory} stopped (pg_ctl exit code {ExitCode})")]
    public static partial void Stopped(ILogger logger, string dataDirectory, int exitCode);

    [LoggerMessage(1010, LogLevel.Information, "Applied migration {Version} {Name}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);
}
