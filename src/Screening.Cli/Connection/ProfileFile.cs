using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Cli.Connection;

/// <summary>
/// The profile file: <c>{"endpoint": "...", "key": "..."}</c> at <c>~/.config/screenctl/profile.json</c>
/// (<c>$XDG_CONFIG_HOME/screenctl/profile.json</c> when that is set) or the path given with <c>--profile</c>.
/// </summary>
internal sealed class ProfileFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string? Endpoint { get; set; }

    public string? Key { get; set; }

    [JsonIgnore]
    public string Path { get; set; } = string.Empty;

    public static string DefaultPath(CliEnvironment environment)
    {
        var configHome = environment.Variable("XDG_CONFIG_HOME");
        var root = string.IsNullOrWhiteSpace(configHome) ? System.IO.Path.Combine(environment.HomeDirectory, ".config") : configHome;
        return System.IO.Path.Combine(root, "screenctl", "profile.json");
    }

    /// <summary>Reads the profile; a missing default profile is no profile, a missing explicit one is an error.</summary>
    public static ProfileFile? Load(string path, bool explicitPath)
    {
        if (!File.Exists(path))
        {
            return explicitPath ? throw new CliException(ExitCodes.Usage, $"profile file '{path}' does not exist") : null;
        }

        try
        {
            var profile = JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(path), Options) ?? new ProfileFile();
            profile.Path = path;
            return profile;
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Usage, $"profile file '{path}' is not valid JSON ({e.Message})");
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Options));
        if (!OperatingSystem.IsWindows())
        {
            // The file holds a secret.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Path = path;
    }
}
