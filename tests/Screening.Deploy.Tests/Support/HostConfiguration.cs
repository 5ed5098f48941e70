using System.Reflection;
using System.Text.Json;
using Screening.Host;

namespace Screening.Deploy.Tests.Support;

/// <summary>
/// The configuration keys the host really reads: every public settable property of every options class that declares a
/// <c>SectionName</c> (in the host and the assemblies it loads), plus the Kestrel endpoints named in appsettings.json.
/// </summary>
public static class HostConfiguration
{
    /// <summary>Keys as <c>Section:Key</c>, compared case-insensitively as .NET configuration does.</summary>
    public static IReadOnlySet<string> Keys { get; } = Collect();

    /// <summary>Environment variables that are read by something other than .NET configuration binding.</summary>
    public static bool IsPlatformVariable(string name) =>
        name is "POD_NAME" or "POD_NAMESPACE" or "POD_IP" or "ORLEANS_CLUSTER_ID" or "ORLEANS_SERVICE_ID"
        || name.StartsWith("DOTNET_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("OTEL_", StringComparison.Ordinal);

    /// <summary>Whether an environment variable (<c>Section__Key</c>) names a key the host reads.</summary>
    public static bool IsKnown(string environmentVariable) =>
        IsPlatformVariable(environmentVariable) || Keys.Contains(environmentVariable.Replace("__", ":", StringComparison.Ordinal));

    private static HashSet<string> Collect()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assemblies = new Queue<Assembly>([typeof(PlatformHost).Assembly]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (assemblies.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetValue(null) is string section)
                {
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                    {
                        keys.Add($"{section}:{property.Name}");
                    }
                }
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Screening.", StringComparison.Ordinal)))
            {
                assemblies.Enqueue(Assembly.Load(reference));
            }
        }

        using var settings = JsonDocument.Parse(File.ReadAllText(Repository.File("src/Screening.Host/appsettings.json")));
        foreach (var endpoint in settings.RootElement.GetProperty("Kestrel").GetProperty("Endpoints").EnumerateObject())
        {
            keys.Add($"Kestrel:Endpoints:{endpoint.Name}:Url");
            keys.Add($"Kestrel:Endpoints:{endpoint.Name}:Protocols");
        }

        return keys;
    }
}
