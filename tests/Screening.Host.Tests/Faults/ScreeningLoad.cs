using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Screening.Contracts.V1;

namespace Screening.Host.Tests.Faults;

/// <summary>One screening call of a load run: which silo, when (since the run's start), the outcome.</summary>
public sealed record CallOutcome(int Silo, TimeSpan Started, TimeSpan Ended, StatusCode Status, string? Detail, string? ScreeningId, long ListVersion, bool Hit);

/// <summary>
/// Screens one name as of today in a loop on every given silo (<c>workers</c> concurrent callers per silo, 5 s deadline
/// per call) until stopped, and records every outcome. Bounded: it stops by itself after <c>maxDuration</c>.
/// </summary>
public sealed class ScreeningLoad
{
    private readonly ConcurrentQueue<CallOutcome> _outcomes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    public ScreeningLoad(IReadOnlyList<SiloProcess> silos, string apiKey, string name, int workers, TimeSpan pause, TimeSpan maxDuration)
    {
        _stop = new CancellationTokenSource(maxDuration);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tasks = new List<Task>();
        foreach (var silo in silos)
        {
            var channel = silo.Channel(apiKey);
            var client = new ScreeningService.ScreeningServiceClient(channel);
            for (var w = 0; w < workers; w++)
            {
                tasks.Add(Task.Run(() => WorkAsync(silo.Index, client, new ScreenRequest { Subject = new Subject { Names = { name } }, AsOf = today }, pause)));
            }
        }

        _running = Task.WhenAll(tasks);
    }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<CallOutcome> Outcomes => [.. _outcomes];

    private async Task WorkAsync(int silo, ScreeningService.ScreeningServiceClient client, ScreenRequest request, TimeSpan pause)
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = _clock.Elapsed;
            try
            {
                var answer = await client.ScreenAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                _outcomes.Enqueue(new CallOutcome(silo, started, _clock.Elapsed, StatusCode.OK, null, answer.ScreeningId, answer.ListVersions.Count == 0 ? 0 : answer.ListVersions.Max(v => v.Version), answer.Hits.Count > 0));
            }
            catch (RpcException e)
            {
                _outcomes.Enqueue(new CallOutcome(silo, started, _clock.Elapsed, e.StatusCode, e.Status.Detail, null, 0, false));
                // A failing silo is retried at a slower pace, as a client with backoff would.
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(pause);
        }
    }

    public async Task<IReadOnlyList<CallOutcome>> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        return Outcomes;
    }
}
