using System.CommandLine;

namespace Screening.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "gRPC endpoint, e.g. http://127.0.0.1:5080 (else SCREENCTL_ENDPOINT, else the profile, else http://127.0.0.1:5080)",
        Recursive = true,
        HelpName = "url",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "API key sent as 'authorization: Bearer <key>' (else SCREENCTL_KEY, else the profile)",
        Recursive = true,
        HelpName = "key",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "profile file with {\"endpoint\": ..., \"key\": ...} (default ~/.config/screenctl/profile.json)",
        Recursive = true,
        HelpName = "path",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "machine-readable JSON on standard output (errors stay one line on standard error)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Endpoint);
        root.Options.Add(Key);
        root.Options.Add(Profile);
        root.Options.Add(Json);
    }
}
