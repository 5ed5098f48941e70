using Screening.Contracts.V1;
using Screening.LoadTests.Data;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Scenarios;

/// <summary>ScreenBatch of <c>--batch-size</c> subjects from the main mix; every answer is checked.</summary>
public static class BatchScenario
{
    public static Task<LoadStats> RunAsync(ScenarioContext context, LoadProfile profile, CancellationToken ct)
    {
        var size = context.Options.BatchSize;
        var pool = context.MainPool;
        var batches = Enumerable.Range(0, Math.Max(1, pool.Length / size))
            .Select(b =>
            {
                var planned = pool.Skip(b * size).Take(size).ToArray();
                var request = new ScreenBatchRequest();
                request.Requests.AddRange(planned.Select(p => p.Request));
                return (Request: request, Planned: planned);
            })
            .ToArray();
        var headers = context.MainTenant.Headers;
        long next = 0;
        return LoadDriver.RunAsync(
            profile,
            async (caller, token) =>
            {
                var (request, planned) = batches[Interlocked.Increment(ref next) % batches.Length];
                var response = await context.Client(caller).ScreenBatchAsync(request, headers, cancellationToken: token);
                if (response.Responses.Count != planned.Length)
                {
                    return OperationResult.Wrong(AnswerCheck.WrongAnswer, $"{response.Responses.Count} answers for {planned.Length} requests");
                }

                for (var i = 0; i < planned.Length; i++)
                {
                    if (AnswerCheck.Verify(response.Responses[i], planned[i].Expected, context.GeneratedListIds) is { } wrong)
                    {
                        return OperationResult.Wrong(AnswerCheck.WrongAnswer, $"requests[{i}]: {wrong}");
                    }
                }

                return OperationResult.Ok(planned.Length);
            },
            ct);
    }
}
