namespace Screening.Host.Storage;

/// <summary>
/// A start-up failure caused by configuration or the environment. Its message is one line that names the
/// setting at fault and the fix; the host prints it and exits non-zero without a stack trace.
/// </summary>
public sealed class PlatformStartupException(string message, Exception? inner = null) : Exception(message, inner);
