using Screening.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Screening.Deploy.Tests;

/// <summary>
/// deploy/compose.yaml checked offline (no Docker daemon here): it parses, and its services, dependencies, ports,
/// health checks and environment agree with the host and the Dockerfile.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Repository.File("deploy/compose.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static Dictionary<string, YamlMappingNode> Silos() =>
        Map(Root, "services").Children.Where(kv => ((YamlScalarNode)kv.Key).Value!.StartsWith("silo", StringComparison.Ordinal))
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (YamlMappingNode)kv.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Map(service, "environment").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!, StringComparer.Ordinal);

    [Fact]
    public void Services_PostgresAndThreeSilos_SilosWaitForAHealthyDatabase()
    {
        var services = Map(Root, "services");

        Assert.True(Has(services, "postgres"));
        Assert.Equal(3, Silos().Count);
        Assert.True(Has(Map(services, "postgres"), "healthcheck"));
        foreach (var (name, silo) in Silos())
        {
            Assert.Equal("service_healthy", Scalar(Map(Map(silo, "depends_on"), "postgres"), "condition"));
            Assert.Equal("screening-host:local", Scalar(silo, "image"));
            Assert.True(Has(silo, "healthcheck"), name + " has no health check");
        }

        var built = Assert.Single(Silos().Values, s => Has(s, "build"));
        var build = Map(built, "build");
        Assert.True(File.Exists(Path.Combine(Repository.File("deploy"), Scalar(build, "context"), Scalar(build, "dockerfile"))));
    }

    [Fact]
    public void Silos_Environment_AreHostConfigurationKeysAndOneClusterOnTheDatabase()
    {
        var environments = Silos().ToDictionary(kv => kv.Key, kv => Environment(kv.Value), StringComparer.Ordinal);

        foreach (var (name, env) in environments)
        {
            Assert.All(env.Keys, k => Assert.True(HostConfiguration.IsKnown(k), $"{name}: {k} is not a configuration key of the host"));
            Assert.Contains("Host=postgres;", env["Storage__ConnectionString"], StringComparison.Ordinal);
            Assert.Equal(name, env["Orleans__AdvertisedIP"]);
            Assert.Equal(name, Scalar(Silos()[name], "hostname"));
        }

        Assert.Single(environments.Values.Select(e => e["Orleans__ClusterId"]).Distinct());
        Assert.Single(environments.Values.Select(e => e["Storage__ConnectionString"]).Distinct());
        Assert.Single(environments.Values, e => e["Seed__Demo"] == "true");
    }

    [Fact]
    public void Silos_PortsAndHealthChecks_MatchTheImage()
    {
        var image = DockerfileTests.Environment();
        var grpc = new Uri(image["Kestrel__Endpoints__Grpc__Url"]).Port;
        var http = new Uri(image["Kestrel__Endpoints__Http__Url"]).Port;
        var hostPorts = new List<int>();

        foreach (var silo in Silos().Values)
        {
            var ports = ((YamlSequenceNode)silo.Children[new YamlScalarNode("ports")]).Children.Select(p => ((YamlScalarNode)p).Value!.Split(':')).ToList();
            Assert.Equal([grpc, http], ports.Select(p => int.Parse(p[1])).Order());
            hostPorts.AddRange(ports.Select(p => int.Parse(p[0])));
            var test = string.Join(' ', ((YamlSequenceNode)Map(silo, "healthcheck").Children[new YamlScalarNode("test")]).Children.Select(n => ((YamlScalarNode)n).Value));
            Assert.Contains($"http://127.0.0.1:{http}/readyz", test, StringComparison.Ordinal);
        }

        Assert.Equal(hostPorts.Count, hostPorts.Distinct().Count());
        Assert.Contains("/readyz", KubernetesManifestTests.HostEndpoints());
    }
}
