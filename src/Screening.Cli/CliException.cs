namespace Screening.Cli;

/// <summary>A failure that ends the command with one line on standard error and an exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
