using Screening.LoadTests.Data;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Scenarios;

/// <summary>Unary Screen of the main tenant's subject mix; every answer is checked.</summary>
public static class ScreenScenario
{
    public static Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var pool = context.MainPool;
        var headers = context.MainTenant.Headers;
        long next = 0;
        return LoadDriver.RunAsync(
            profile,
            async (caller, token) =>
            {
                var planned = pool[Interlocked.Increment(ref next) % pool.Length];
                var response = await context.Client(caller).ScreenAsync(planned.Request, headers, cancellationToken: token);
                return AnswerCheck.Verify(response, planned.Expected, context.GeneratedListIds) is { } wrong
                    ? OperationResult.Wrong(AnswerCheck.WrongAnswer, wrong)
                    : OperationResult.Ok(1);
            },
            ct);
    }
}
