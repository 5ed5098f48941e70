namespace Screening.Cli.Connection;

/// <summary>The endpoint and key a command uses, and where each came from (for messages and <c>profile show</c>).</summary>
internal sealed record ConnectionSettings(Uri Endpoint, string EndpointSource, string? Key, string KeySource)
{
    /// <summary>The endpoint used when no flag, variable or profile names one.</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:5080";

    public const string EndpointVariable = "SCREENCTL_ENDPOINT";

    public const string KeyVariable = "SCREENCTL_KEY";

    /// <summary>Flags, then environment, then the profile file, then the default.</summary>
    public static ConnectionSettings Resolve(string? flagEndpoint, string? flagKey, ProfileFile? profile, Func<string, string?> variable)
    {
        var (endpoint, endpointSource) =
            !string.IsNullOrWhiteSpace(flagEndpoint) ? (flagEndpoint, "--endpoint")
            : !string.IsNullOrWhiteSpace(variable(EndpointVariable)) ? (variable(EndpointVariable)!, EndpointVariable)
            : !string.IsNullOrWhiteSpace(profile?.Endpoint) ? (profile.Endpoint!, "profile " + profile.Path)
            : (DefaultEndpoint, "default");
        var (key, keySource) =
            !string.IsNullOrWhiteSpace(flagKey) ? (flagKey, "--key")
            : !string.IsNullOrWhiteSpace(variable(KeyVariable)) ? (variable(KeyVariable), KeyVariable)
            : !string.IsNullOrWhiteSpace(profile?.Key) ? (profile.Key, "profile " + profile.Path)
            : (null, "none");
        return new ConnectionSettings(ParseEndpoint(endpoint.Trim(), endpointSource), endpointSource, key?.Trim(), keySource);
    }

    private static Uri ParseEndpoint(string value, string source)
    {
        // "host:port" without a scheme is the common slip; accept it as cleartext HTTP/2.
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException(ExitCodes.Usage, $"endpoint '{value}' (from {source}) is not an address such as http://127.0.0.1:5080");
        }

        return uri;
    }
}
