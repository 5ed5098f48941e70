using System.CommandLine;
using Screening.Cli.Commands;

namespace Screening.Cli;

/// <summary>The command tree of <c>screenctl</c>.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var options = new GlobalOptions();
        var actions = new CommandActions(environment, options);
        var root = new RootCommand(
            "screenctl: command line of the sanctions screening platform (gRPC screening.v1).\n"
            + "Endpoint and key: --endpoint/--key, else SCREENCTL_ENDPOINT/SCREENCTL_KEY, else the profile file "
            + "(~/.config/screenctl/profile.json or --profile), else http://127.0.0.1:5080 without a key.\n"
            + ExitCodes.Table);
        options.AddTo(root);
        root.Subcommands.Add(ProfileCommands.Create(actions));
        root.Subcommands.Add(PingCommand.Create(actions));
        root.Subcommands.Add(ScreenCommand.Create(actions));
        root.Subcommands.Add(ScreenFileCommand.Create(actions));
        root.Subcommands.Add(SampleCsvCommand.Create(actions));
        foreach (var c in TenantCommands.Create(actions))
        {
            root.Subcommands.Add(c);
        }

        root.Subcommands.Add(KeyCommands.Create(actions));
        foreach (var c in ListCommands.Create(actions).Concat(DesignationCommands.Create(actions)))
        {
            root.Subcommands.Add(c);
        }

        root.Subcommands.Add(AuditCommands.Create(actions));
        root.Subcommands.Add(CustomerCommands.Create(actions));
        root.Subcommands.Add(AlertCommands.Create(actions));
        return root;
    }
}
