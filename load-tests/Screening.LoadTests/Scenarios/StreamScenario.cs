using System.Globalization;
using Screening.LoadTests.Data;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Scenarios;

/// <summary>
/// ScreenStream: <c>--streams</c> streams per connection, callers multiplexed over them (with the closed model,
/// concurrency = names in flight). Latency is per name, from its write to its answer; every answer is checked.
/// </summary>
public static class StreamScenario
{
    public static async Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var count = context.Connection.Count * context.Options.StreamsPerConnection;
        var streams = Enumerable.Range(0, count)
            .Select(i => new ScreeningStream(context.Client(i), context.MainTenant.Headers, "s" + i.ToString(CultureInfo.InvariantCulture) + "-"))
            .ToArray();
        var pool = context.MainPool;
        long next = 0;
        try
        {
            return await LoadDriver.RunAsync(
                profile,
                async (caller, token) =>
                {
                    var planned = pool[Interlocked.Increment(ref next) % pool.Length];
                    var response = await streams[caller % streams.Length].ScreenAsync(planned.Request, token);
                    return AnswerCheck.Verify(response, planned.Expected, context.GeneratedListIds) is { } wrong
                        ? OperationResult.Wrong(AnswerCheck.WrongAnswer, wrong)
                        : OperationResult.Ok(1);
                },
                ct);
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.DisposeAsync();
            }
        }
    }
}
