namespace Screening.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of screenctl produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
