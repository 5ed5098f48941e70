namespace Screening.Cli;

/// <summary>Entry point of <c>screenctl</c>.</summary>
public static class Program
{
    /// <summary>Runs from a terminal: real environment, progress bars when standard error is a terminal.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var environment = CliEnvironment.FromProcess(Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, interactive: !Console.IsErrorRedirected);
        return await RunAsync(args, environment, cancel.Token);
    }

    /// <summary>
    /// Runs one command in process, writing results to <paramref name="output"/> and diagnostics to
    /// <paramref name="error"/>; returns the exit code (see <see cref="ExitCodes"/>). Used by tests.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, CliEnvironment.FromProcess(output, error, outputIsTerminal: false, interactive: false), cancellationToken);

    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = CommandTree.Build(environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            var command = string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? ["screenctl"] : CommandPath(parsed.CommandResult));
            await environment.Error.WriteLineAsync($"error: {parsed.Errors[0].Message} (see '{command} --help')");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = environment.Output, Error = environment.Error }, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                names.Push(c.Parent is null ? "screenctl" : c.Command.Name);
            }
        }

        return names;
    }
}
