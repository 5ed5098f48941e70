using System.CommandLine;
using Screening.Cli.Connection;

namespace Screening.Cli;

/// <summary>Binds a command to its body: one context per run, failures become one line on standard error and an exit code.</summary>
internal sealed class CommandActions(CliEnvironment environment, GlobalOptions options)
{
    public GlobalOptions Options { get; } = options;

    public void Set(Command command, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            using var context = new CommandContext(parse, environment, Options);
            try
            {
                return await body(context, ct);
            }
            catch (Exception e)
            {
                ConnectionSettings? settings = null;
                try
                {
                    settings = context.Settings;
                }
                catch (CliException)
                {
                }

                var (code, message) = FailureReport.Describe(e, settings);
                await environment.Error.WriteLineAsync("error: " + OneLine(message));
                return code;
            }
        });

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
