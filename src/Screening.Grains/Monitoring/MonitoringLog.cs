using Microsoft.Extensions.Logging;

namespace Screening.Grains.Monitoring;

internal static partial class MonitoringLog
{
    [LoggerMessage(6001, LogLevel.Information, "Monitoring shard {Shard} activated: {Customers} customers indexed in {ElapsedMs:0} ms")]
    public static partial void ShardActivated(ILogger logger, string shard, int customers, double elapsedMs);

    [LoggerMessage(6002, LogLevel.Information, "Monitoring of {TenantId}: {ListId} versions {From}..{To} screened ({Screened} designations, {Matches} matches, {Opened} alerts opened, {Closed} closed) in {ElapsedMs:0} ms")]
    public static partial void DeltaProcessed(ILogger logger, string tenantId, string listId, int from, int to, int screened, int matches, int opened, int closed, double elapsedMs);

    [LoggerMessage(6003, LogLevel.Warning, "Monitoring catch-up of {TenantId} failed; it is retried (cursors were not advanced)")]
    public static partial void CatchUpFailed(ILogger logger, string tenantId, Exception error);

    [LoggerMessage(6004, LogLevel.Warning, "Monitoring dispatch failed; it is retried")]
    public static partial void DispatchFailed(ILogger logger, Exception error);

    [LoggerMessage(6005, LogLevel.Warning, "Screening new customers of {Shard} against the lists in force failed; the next list change or re-upload screens them")]
    public static partial void UpsertScreeningFailed(ILogger logger, string shard, Exception error);

    [LoggerMessage(6006, LogLevel.Warning, "Rebuilding the reverse index of {Shard} in the background failed; it is rebuilt before the next list change is screened")]
    public static partial void IndexRebuildFailed(ILogger logger, string shard, Exception error);

    [LoggerMessage(6007, LogLevel.Information, "Reverse index of {Shard} built over {Customers} customers in {ElapsedMs:0} ms, after waiting {WaitedMs:0} ms for the silo's build slot")]
    public static partial void IndexBuilt(ILogger logger, string shard, int customers, double elapsedMs, double waitedMs);
}
