namespace Screening.Cli;

/// <summary>What a run of <c>screenctl</c> sees of the world: its writers, environment variables, home folder and clock.</summary>
internal sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    bool OutputIsTerminal,
    bool Interactive,
    Func<string, string?> Variable,
    string HomeDirectory,
    TimeProvider Time)
{
    /// <summary>The process's variables, home and clock; <paramref name="interactive"/>: standard error is a terminal (progress bars).</summary>
    public static CliEnvironment FromProcess(TextWriter output, TextWriter error, bool outputIsTerminal, bool interactive) => new(
        output,
        error,
        outputIsTerminal,
        interactive,
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        TimeProvider.System);
}
