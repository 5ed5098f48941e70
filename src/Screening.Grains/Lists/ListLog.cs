using Microsoft.Extensions.Logging;

namespace Screening.Grains.Lists;

internal static partial class ListLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Silo {Silo} did not confirm {ListId} version {Version}; waiting out its lease")]
    public static partial void SiloDidNotConfirm(ILogger logger, string silo, string listId, int version, Exception error);

    [LoggerMessage(3002, LogLevel.Information, "{ListId} version {Version} propagated: {Confirmed} silos confirmed, {WaitedOut} waited out, {ElapsedMs:0.0} ms")]
    public static partial void Propagated(ILogger logger, string listId, int version, int confirmed, int waitedOut, double elapsedMs);

    [LoggerMessage(3003, LogLevel.Information, "Index of {ListId} now at version {Version} ({Designations} designations, {Names} names)")]
    public static partial void IndexSwapped(ILogger logger, string listId, int version, int designations, int names);

    [LoggerMessage(3004, LogLevel.Warning, "Checking list versions failed; this silo stops answering screenings once its lease runs out")]
    public static partial void PollFailed(ILogger logger, Exception error);

    [LoggerMessage(3005, LogLevel.Warning, "Subscribing this silo's index registry to the list change hub failed; polling keeps it fresh")]
    public static partial void SubscribeFailed(ILogger logger, Exception error);
}
