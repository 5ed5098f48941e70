using System.CommandLine;
using Screening.Cli.Connection;
using Spectre.Console;

namespace Screening.Cli.Commands;

/// <summary><c>profile show|save</c>: where the endpoint and key come from, and storing them.</summary>
internal static class ProfileCommands
{
    public static Command Create(CommandActions actions)
    {
        var show = new Command("show", "Show the endpoint and key this command line would use, and where each comes from");
        actions.Set(show, (context, _) =>
        {
            var s = context.Settings;
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("endpoint", s.Endpoint.ToString());
                    w.WriteString("endpointSource", s.EndpointSource);
                    w.WriteString("key", Mask(s.Key));
                    w.WriteString("keySource", s.KeySource);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.MarkupLine($"endpoint  {Markup.Escape(s.Endpoint.ToString())}  [grey]({Markup.Escape(s.EndpointSource)})[/]");
                context.Out.MarkupLine($"key       {Markup.Escape(Mask(s.Key))}  [grey]({Markup.Escape(s.KeySource)})[/]");
            }

            return Task.FromResult(ExitCodes.Ok);
        });

        var save = new Command("save", "Write --endpoint and --key to the profile file (default ~/.config/screenctl/profile.json, mode 600)");
        actions.Set(save, (context, _) =>
        {
            var profile = context.LoadProfile(out var path, mayBeMissing: true) ?? new ProfileFile();
            var endpoint = context.EndpointFlag;
            var key = context.KeyFlag;
            if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(key))
            {
                throw new CliException(ExitCodes.Usage, "nothing to save: give --endpoint and/or --key");
            }

            profile.Endpoint = string.IsNullOrWhiteSpace(endpoint) ? profile.Endpoint : endpoint;
            profile.Key = string.IsNullOrWhiteSpace(key) ? profile.Key : key;
            profile.Save(path);
            context.Err.WriteLine($"saved {path}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("profile", "The profile file that holds a default endpoint and key") { show, save };
    }

    private static string Mask(string? key) => key is null ? "(none)" : key.Length <= 8 ? "****" : key[..6] + "…" + key[^4..];
}
