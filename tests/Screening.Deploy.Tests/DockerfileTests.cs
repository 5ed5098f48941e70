using System.Text.RegularExpressions;
using Screening.Deploy.Tests.Support;

namespace Screening.Deploy.Tests;

/// <summary>deploy/Dockerfile checked offline (no Docker daemon here): stages, user, health check, settings, inputs.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = JoinContinuations(File.ReadAllLines(Repository.File("deploy/Dockerfile")));

    private static string[] JoinContinuations(string[] raw)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var line in raw.Where(l => !l.TrimStart().StartsWith('#')))
        {
            current += line.TrimEnd().TrimEnd('\\') + " ";
            if (!line.TrimEnd().EndsWith('\\'))
            {
                if (current.Trim().Length > 0)
                {
                    lines.Add(Regex.Replace(current.Trim(), "\\s+", " "));
                }

                current = string.Empty;
            }
        }

        return [.. lines];
    }

    /// <summary>The ENV settings of the image.</summary>
    internal static Dictionary<string, string> Environment() =>
        Lines.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => Regex.Matches(l[4..], "(?<k>[A-Za-z_][A-Za-z0-9_]*)=(?<v>\\S+)"))
            .ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value, StringComparer.Ordinal);

    [Fact]
    public void Stages_SdkBuildThenAspNetRuntime_RunsAsNonRoot()
    {
        var from = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, from.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", from[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", from[1], StringComparison.Ordinal);
        var user = Lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(Lines, user) > Array.IndexOf(Lines, from[1]));
        Assert.DoesNotContain(user[5..], new[] { "root", "0" });
        Assert.Contains(Lines, l => l.StartsWith("ENTRYPOINT [\"dotnet\", \"Screening.Host.dll\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void HealthCheck_HealthzOnTheHttpPort()
    {
        var http = new Uri(Environment()["Kestrel__Endpoints__Http__Url"]).Port;
        var check = Assert.Single(Lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));

        Assert.Contains($"http://127.0.0.1:{http}/healthz", check, StringComparison.Ordinal);
        Assert.Contains("/healthz", KubernetesManifestTests.HostEndpoints());
    }

    [Fact]
    public void Environment_ExternalModeAndKnownKeys()
    {
        var env = Environment();

        Assert.Equal("External", env["Storage__Mode"]);
        Assert.All(env.Keys, k => Assert.True(HostConfiguration.IsKnown(k), k + " is not a configuration key of the host"));
        var exposed = Assert.Single(Lines, l => l.StartsWith("EXPOSE ", StringComparison.Ordinal))[7..].Split(' ').Select(int.Parse).ToHashSet();
        Assert.Contains(new Uri(env["Kestrel__Endpoints__Grpc__Url"]).Port, exposed);
        Assert.Contains(new Uri(env["Kestrel__Endpoints__Http__Url"]).Port, exposed);
        Assert.Contains(int.Parse(env["Orleans__SiloPort"]), exposed);
    }

    [Fact]
    public void RestoreLayer_CopiesEveryProjectTheHostDependsOn()
    {
        var copied = Lines.Where(l => l.StartsWith("COPY src/", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["src/Screening.Host/Screening.Host.csproj"]);
        while (pending.TryPop(out var project))
        {
            if (!needed.Add(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project)!;
            foreach (Match m in Regex.Matches(File.ReadAllText(Repository.File(project)), "ProjectReference Include=\"(?<p>[^\"]+)\""))
            {
                pending.Push(Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, folder, m.Groups["p"].Value.Replace('\\', '/')))).Replace('\\', '/'));
            }
        }

        Assert.Equal(needed.Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(Lines, l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Contains(file, StringComparison.Ordinal));
        }

        var ignored = File.ReadAllLines(Repository.File(".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
    }
}
