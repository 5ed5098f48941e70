using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests.Infrastructure;

/// <summary>Creates tenants and keys through screenctl itself, as a newcomer would.</summary>
public static class PlatformSetup
{
    /// <summary>Creates a tenant subscribed to <paramref name="jurisdictions"/> and returns a screening key for it.</summary>
    public static async Task<string> TenantKeyAsync(TestHost host, string tenantId, params string[] jurisdictions)
    {
        var args = new List<string> { "tenants", "create", tenantId };
        foreach (var j in jurisdictions)
        {
            args.AddRange(["--subscribe", j]);
        }

        var created = await Screenctl.RunAsync(host, TestHost.OperatorKey, [.. args]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var issued = await Screenctl.RunAsync(host, TestHost.OperatorKey, "keys", "issue", tenantId);
        Assert.True(issued.ExitCode == 0, issued.ToString());
        return issued.Output.Trim();
    }
}
