using System.CommandLine;
using Screening.Cli.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>Every command answers --help without a server, and the root help documents the exit codes.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        var root = CommandTree.Build(CliEnvironment.FromProcess(TextWriter.Null, TextWriter.Null, outputIsTerminal: false, interactive: false));
        foreach (var path in Paths(root, []))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(string command)
    {
        var result = await Screenctl.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Help_Root_ListsExitCodes()
    {
        var result = await Screenctl.RunAsync("--help");

        Assert.Contains("Exit codes: 0 ok; 1 usage", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsUsageWithOneLine()
    {
        var result = await Screenctl.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(ConnectionTests.Lines(result.Error));
    }

    private static IEnumerable<string> Paths(Command command, string[] prefix)
    {
        yield return string.Join(' ', prefix);
        foreach (var sub in command.Subcommands)
        {
            foreach (var p in Paths(sub, [.. prefix, sub.Name]))
            {
                yield return p;
            }
        }
    }
}
