using Microsoft.Extensions.Logging;

namespace Screening.Grains.Audit;

/// <summary>Log messages of the audit log.</summary>
internal static partial class AuditTrailLog
{
    [LoggerMessage(3101, LogLevel.Error, "Audit batch of {Count} records was not committed; its callers get UNAVAILABLE")]
    public static partial void BatchFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(3102, LogLevel.Warning, "Audit log is unavailable; failing {Count} queued records without trying the database")]
    public static partial void BatchRefused(ILogger logger, int count);

    [LoggerMessage(3106, LogLevel.Debug, "Audit chain head of one of {Count} tenants was moved by another writer; re-reading the heads under lock")]
    public static partial void HeadMoved(ILogger logger, int count);

    [LoggerMessage(3103, LogLevel.Information, "Audit retention dropped partition {Partition} (records before {Cutoff:O} expired)")]
    public static partial void PartitionDropped(ILogger logger, string partition, DateTimeOffset cutoff);

    [LoggerMessage(3104, LogLevel.Warning, "Audit retention run failed; will retry at the next interval")]
    public static partial void RetentionFailed(ILogger logger, Exception error);

    [LoggerMessage(3105, LogLevel.Information, "Audit retention skipped: another silo holds the audit maintenance lock")]
    public static partial void RetentionBusy(ILogger logger);
}
