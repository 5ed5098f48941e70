using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests.Infrastructure;

/// <summary>Runs screenctl in process against a test host, with the endpoint and key given as flags.</summary>
public static class Screenctl
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Program.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(TestHost host, string key, params string[] args) =>
        RunAsync([.. args, "--endpoint", host.GrpcAddress.ToString(), "--key", key]);
}
