using Google.Protobuf.WellKnownTypes;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Scenarios;

/// <summary>Authenticated no-op: the floor the other scenarios are compared with.</summary>
public static class PingScenario
{
    private static readonly Empty Request = new();

    public static Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var headers = context.MainTenant.Headers;
        return LoadDriver.RunAsync(
            profile,
            async (caller, token) =>
            {
                await context.Client(caller).PingAsync(Request, headers, cancellationToken: token);
                return OperationResult.Ok(0);
            },
            ct);
    }
}
