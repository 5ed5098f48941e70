using System.Diagnostics;
using Grpc.Core;

namespace Screening.LoadTests.Running;

/// <summary>Drives an operation under the closed or the open model and measures it.</summary>
public static class LoadDriver
{
    /// <summary>An operation: the caller's index and a cancellation token.</summary>
    public delegate ValueTask<OperationResult> Operation(int caller, CancellationToken ct);

    public static Task<LoadStats> RunAsync(LoadProfile profile, Operation operation, CancellationToken ct) =>
        profile.Model == LoadModel.Closed ? ClosedAsync(profile, operation, ct) : OpenAsync(profile, operation, ct);

    private static async Task<LoadStats> ClosedAsync(LoadProfile profile, Operation operation, CancellationToken ct)
    {
        var stats = new LoadStats();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(profile.Warmup);
        var end = measureFrom + ToTicks(profile.Duration);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(profile.Warmup + profile.Duration + TimeSpan.FromSeconds(30));

        var callers = Enumerable.Range(0, profile.Concurrency).Select(i => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (t0 >= end)
                    {
                        return;
                    }

                    var result = await InvokeAsync(operation, i, stats, stop.Token);
                    var t1 = Stopwatch.GetTimestamp();
                    if (result is { } r && t0 >= measureFrom && t1 <= end)
                    {
                        stats.Record(ToMicros(t1 - t0), r.Names);
                    }
                }
            },
            CancellationToken.None));
        await Task.WhenAll(callers);
        return stats;
    }

    private static async Task<LoadStats> OpenAsync(LoadProfile profile, Operation operation, CancellationToken ct)
    {
        var stats = new LoadStats();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(profile.Warmup);
        var end = measureFrom + ToTicks(profile.Duration);
        var interval = Stopwatch.Frequency / profile.Rate;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(profile.Warmup + profile.Duration + TimeSpan.FromSeconds(30));
        using var slots = new SemaphoreSlim(profile.MaxInFlight, profile.MaxInFlight);
        var inFlight = new List<Task>();
        long issued = 0;
        var caller = 0;

        while (!stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                break;
            }

            var due = (long)((now - start) / interval) + 1;
            for (; issued < due; issued++)
            {
                var intended = start + (long)(issued * interval);
                if (intended >= end)
                {
                    break;
                }

                // Waiting for a slot delays the start but not the intended time: the wait counts as latency.
                await slots.WaitAsync(stop.Token);
                var index = caller++ % Math.Max(1, profile.Concurrency);
                inFlight.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            var result = await InvokeAsync(operation, index, stats, stop.Token);
                            var t1 = Stopwatch.GetTimestamp();
                            if (result is { } r && intended >= measureFrom && intended < end)
                            {
                                stats.Record(ToMicros(t1 - intended), r.Names);
                            }
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    CancellationToken.None));
            }

            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            await Task.Delay(1, CancellationToken.None);
        }

        await Task.WhenAll(inFlight);
        return stats;
    }

    private static async ValueTask<OperationResult?> InvokeAsync(Operation operation, int caller, LoadStats stats, CancellationToken ct)
    {
        try
        {
            var result = await operation(caller, ct);
            if (result.ErrorCode is not null)
            {
                stats.Fail(result.ErrorCode, result.ErrorDetail ?? string.Empty);
                return null;
            }

            return result;
        }
        catch (RpcException e) when (ct.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
        {
            stats.Fail("Timeout", "the call did not finish within 30 s after the run");
            return null;
        }
        catch (RpcException e)
        {
            stats.Fail(e.StatusCode.ToString(), e.Status.Detail);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stats.Fail("Timeout", "the call did not finish within 30 s after the run");
            return null;
        }
        catch (Exception e)
        {
            stats.Fail(e.GetType().Name, e.Message);
            return null;
        }
    }

    private static long ToTicks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);

    private static long ToMicros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
