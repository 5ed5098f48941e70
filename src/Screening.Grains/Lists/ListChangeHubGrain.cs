using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Telemetry;

namespace Screening.Grains.Lists;

/// <inheritdoc cref="IListChangeHubGrain"/>
[Reentrant]
public sealed class ListChangeHubGrain(
    IClusterMembershipService membership,
    IOptions<ListPropagationOptions> options,
    TimeProvider time,
    ILogger<ListChangeHubGrain> logger) : Grain, IListChangeHubGrain
{
    private readonly Dictionary<string, IListIndexObserver> _observers = new(StringComparer.Ordinal);

    public Task Subscribe(string silo, IListIndexObserver observer)
    {
        _observers[silo] = observer;
        return Task.CompletedTask;
    }

    public async Task<PropagationReport> Publish(string listId, int version)
    {
        var started = time.GetTimestamp();
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);

        var confirmations = _observers
            .Where(o => active.Contains(o.Key))
            .Select(async o =>
            {
                try
                {
                    await o.Value.ListChanged(listId, version).WaitAsync(options.Value.ConfirmTimeout, time);
                    return o.Key;
                }
                catch (Exception e) when (e is TimeoutException or OrleansException or OperationCanceledException)
                {
                    ListLog.SiloDidNotConfirm(logger, o.Key, listId, version, e);
                    return null;
                }
            })
            .ToList();
        var confirmed = (await Task.WhenAll(confirmations)).OfType<string>().ToImmutableArray();

        var waitedOut = active.Except(confirmed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (!waitedOut.IsEmpty)
        {
            // Those silos answer only while their lease (checked against the database) is younger than Lease;
            // after Lease + one poll from the commit, each has either seen this version or stopped answering.
            var wait = options.Value.Lease + options.Value.PollInterval - time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }
        }

        var report = new PropagationReport(confirmed, waitedOut, time.GetElapsedTime(started));
        PlatformTelemetry.PropagationLag.Record(report.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("list", listId));
        ListLog.Propagated(logger, listId, version, confirmed.Length, waitedOut.Length, report.Elapsed.TotalMilliseconds);
        return report;
    }
}
