using Microsoft.Extensions.Logging;

namespace Screening.Api;

internal static partial class ApiLog
{
    [LoggerMessage(2001, LogLevel.Warning, "A dependency is unavailable; answering UNAVAILABLE")]
    public static partial void DependencyUnavailable(ILogger logger, Exception error);

    [LoggerMessage(2002, LogLevel.Error, "Unexpected failure; answering INTERNAL")]
    public static partial void UnexpectedFailure(ILogger logger, Exception error);
}
