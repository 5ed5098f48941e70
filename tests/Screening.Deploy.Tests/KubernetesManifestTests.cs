using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Screening.Deploy.Tests.Support;

namespace Screening.Deploy.Tests;

/// <summary>
/// deploy/k8s checked offline: kustomize renders it, kubectl reads every object, every object deserialises strictly into
/// the Kubernetes API models (unknown fields and wrong types fail), and the settings agree with the host.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Lazy<string> Rendered = new(() =>
    {
        var (code, output, error) = Kubectl.Run(null, "kustomize", Repository.File("deploy/k8s"));
        Assert.True(code == 0, "kubectl kustomize deploy/k8s failed: " + error);
        return output;
    });

    private static List<object> Objects() => KubernetesYaml.LoadAllFromString(Rendered.Value, strict: true);

    private static T Single<T>(string? name = null) => Objects().OfType<T>().Single(o => name is null || ((IMetadata<V1ObjectMeta>)o!).Metadata.Name == name);

    [Fact]
    public void Kustomize_Render_KubectlReadsEveryObject()
    {
        var (code, output, error) = Kubectl.Run(Rendered.Value, "annotate", "--local", "-f", "-", "-o", "name", "checked=offline");

        Assert.True(code == 0, "kubectl could not read the rendered manifests: " + error);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("namespace/screening", names);
        Assert.Contains("deployment.apps/screening-host", names);
        Assert.Contains("service/screening", names);
        Assert.Contains("poddisruptionbudget.policy/screening-host", names);
        Assert.Contains("secret/screening-secrets", names);
        Assert.Contains("configmap/screening-config", names);
    }

    [Fact]
    public void Manifests_StrictTypedRead_EveryObjectIsAKnownKubernetesType()
    {
        var objects = Objects();

        Assert.Equal(10, objects.Count);
        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject>(o));
        Assert.All(objects.OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace), o => Assert.Equal("screening", o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void StrictTypedRead_UnknownFieldOrWrongType_Fails()
    {
        // The check above can fail: a misspelt field and a non-numeric replica count are rejected.
        var deployment = File.ReadAllText(Repository.File("deploy/k8s/deployment.yaml"));

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(deployment.Replace("containerPort: 5080", "containerPortt: 5080", StringComparison.Ordinal), strict: true));
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(deployment.Replace("replicas: 3", "replicas: three", StringComparison.Ordinal), strict: true));
    }

    [Fact]
    public void Deployment_EnvironmentVariables_AreHostConfigurationKeys()
    {
        var deployment = Single<V1Deployment>();
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        var configMap = Single<V1ConfigMap>(Assert.Single(container.EnvFrom, e => e.ConfigMapRef is not null).ConfigMapRef.Name);
        var secret = Single<V1Secret>(Assert.Single(container.EnvFrom, e => e.SecretRef is not null).SecretRef.Name);

        var names = configMap.Data.Keys.Concat(secret.StringData.Keys).Concat(container.Env.Select(e => e.Name)).ToList();

        Assert.All(names, n => Assert.True(HostConfiguration.IsKnown(n), $"{n} is not a configuration key of the host ({n.Replace("__", ":", StringComparison.Ordinal)})"));
        Assert.Equal(["Security__OperatorKey", "Storage__ConnectionString"], secret.StringData.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("true", configMap.Data["Orleans__KubernetesHosting"]);
    }

    [Fact]
    public void Deployment_KubernetesHosting_PodIdentityComesFromTheDownwardApi()
    {
        var deployment = Single<V1Deployment>();
        var pod = deployment.Spec.Template;
        var env = Assert.Single(pod.Spec.Containers).Env.ToDictionary(e => e.Name, StringComparer.Ordinal);

        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].ValueFrom.FieldRef.FieldPath);
        Assert.True(pod.Metadata.Labels.ContainsKey("orleans/clusterId"));
        Assert.True(pod.Metadata.Labels.ContainsKey("orleans/serviceId"));

        // The service account may read and delete pods (what UseKubernetesHosting does).
        var binding = Single<V1RoleBinding>();
        Assert.Equal(pod.Spec.ServiceAccountName, Assert.Single(binding.Subjects).Name);
        var rule = Assert.Single(Single<V1Role>(binding.RoleRef.Name).Rules);
        Assert.Contains("pods", rule.Resources);
        Assert.Superset(new HashSet<string>(["get", "list", "watch", "delete"]), rule.Verbs.ToHashSet());
    }

    [Fact]
    public void Deployment_PortsAndProbes_MatchTheHost()
    {
        var deployment = Single<V1Deployment>();
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        var config = Single<V1ConfigMap>().Data;
        var ports = container.Ports.ToDictionary(p => p.Name, p => p.ContainerPort, StringComparer.Ordinal);

        Assert.Equal(new Uri(config["Kestrel__Endpoints__Grpc__Url"]).Port, ports["grpc"]);
        Assert.Equal(new Uri(config["Kestrel__Endpoints__Http__Url"]).Port, ports["http"]);
        Assert.Equal(int.Parse(config["Orleans__SiloPort"]), ports["silo"]);
        Assert.Equal(int.Parse(config["Orleans__GatewayPort"]), ports["gateway"]);

        var mapped = HostEndpoints();
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
        {
            Assert.Contains(probe.HttpGet.Path, mapped);
            Assert.Equal("http", probe.HttpGet.Port.Value);
        }

        Assert.NotNull(container.Resources.Limits["cpu"]);
        Assert.NotNull(container.Resources.Limits["memory"]);
        Assert.True(deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
        Assert.True(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds > 30, "grace period must exceed the host's 30 s shutdown timeout");
    }

    [Fact]
    public void ServicesAndBudget_SelectTheSiloPods()
    {
        var podLabels = Single<V1Deployment>().Spec.Template.Metadata.Labels;
        var portNames = Assert.Single(Single<V1Deployment>().Spec.Template.Spec.Containers).Ports.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var service in Objects().OfType<V1Service>())
        {
            Assert.All(service.Spec.Selector, kv => Assert.Equal(kv.Value, podLabels[kv.Key]));
            Assert.All(service.Spec.Ports, p => Assert.Contains(p.TargetPort.Value, portNames));
        }

        var budget = Single<V1PodDisruptionBudget>();
        Assert.All(budget.Spec.Selector.MatchLabels, kv => Assert.Equal(kv.Value, podLabels[kv.Key]));
        Assert.True(budget.Spec.MaxUnavailable is not null || budget.Spec.MinAvailable is not null);
    }

    /// <summary>The health paths the host maps (read from its source: the endpoints exist only in a running host).</summary>
    internal static HashSet<string> HostEndpoints() =>
        Regex.Matches(File.ReadAllText(Repository.File("src/Screening.Host/PlatformHost.cs")), "MapHealthChecks\\(\"(?<path>/[a-z]+)\"")
            .Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
}
