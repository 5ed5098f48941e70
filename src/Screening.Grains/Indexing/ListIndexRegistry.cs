using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Lists;
using Screening.Grains.Telemetry;

namespace Screening.Grains.Indexing;

/// <summary>
/// This silo's immutable list indexes, shared by every tenant, read directly by the screening path (no grain
/// call). Kept fresh two ways: the list change hub pushes each committed version (and waits for this silo to
/// apply it), and a poll of the database versions every <see cref="ListPropagationOptions.PollInterval"/> repairs
/// whatever a push missed. Screening is refused (UNAVAILABLE) when the last successful poll is older than
/// <see cref="ListPropagationOptions.Lease"/>, so a silo cut off from the database or the hub never serves a stale list.
/// </summary>
public sealed class ListIndexRegistry(
    ListStore store,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ListPropagationOptions> options,
    TimeProvider time,
    ILogger<ListIndexRegistry> logger) : IListIndexObserver, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableDictionary<string, ListIndex> _lists = ImmutableDictionary.Create<string, ListIndex>(StringComparer.Ordinal);
    private long _verifiedAt;
    private IListIndexObserver? _reference;
    private Task? _loop;

    /// <summary>The current indexes by list id.</summary>
    public ImmutableDictionary<string, ListIndex> Lists => Volatile.Read(ref _lists);

    /// <summary>UNAVAILABLE unless this silo has confirmed its list versions within the lease.</summary>
    public void EnsureFresh()
    {
        var verifiedAt = Volatile.Read(ref _verifiedAt);
        if (verifiedAt == 0 || time.GetElapsedTime(verifiedAt) > options.Value.Lease)
        {
            throw new PlatformException(PlatformErrorCode.Unavailable, "this node cannot confirm it has the current lists (database or cluster unreachable); retry");
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ListIndexRegistry), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Loads every list, subscribes to the hub and starts polling.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await RefreshAsync(ct);
        _reference = grains.CreateObjectReference<IListIndexObserver>(this);
        await SubscribeAsync();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_reference is not null)
        {
            grains.DeleteObjectReference<IListIndexObserver>(_reference);
        }
    }

    public async Task ListChanged(string listId, int version)
    {
        if (Lists.TryGetValue(listId, out var current) && current.Version >= version)
        {
            return;
        }

        await _apply.WaitAsync();
        try
        {
            await ApplyAsync(listId, version, CancellationToken.None);
        }
        finally
        {
            _apply.Release();
        }
    }

    /// <summary>Brings every list up to the database's versions, then renews the lease.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var checkedAt = time.GetTimestamp(); // the lease counts from before the read: changes after it may be unseen
        var versions = await store.CurrentVersionsAsync(ct);
        await _apply.WaitAsync(ct);
        try
        {
            foreach (var (listId, version) in versions)
            {
                await ApplyAsync(listId, version, ct);
            }
        }
        finally
        {
            _apply.Release();
        }

        Volatile.Write(ref _verifiedAt, checkedAt);
    }

    private async Task ApplyAsync(string listId, int version, CancellationToken ct)
    {
        var current = Lists.GetValueOrDefault(listId) ?? ListIndex.Empty(listId);
        if (current.Version >= version)
        {
            return;
        }

        using var activity = PlatformTelemetry.Source.StartActivity("index.swap")?.SetTag("list", listId).SetTag("version", version);
        var (versions, revisions) = await store.LoadSinceAsync(listId, current.Version, ct);
        if (versions.Count == 0)
        {
            return;
        }

        var next = current.Apply(versions[^1].Number, revisions);
        ImmutableInterlocked.Update(ref _lists, l => l.SetItem(listId, next));
        PlatformTelemetry.IndexSwapped(silo.SiloAddress.ToString(), listId, next.Version, next.Index.NameCount, next.Designations.Count);
        ListLog.IndexSwapped(logger, listId, next.Version, next.Designations.Count, next.Index.NameCount);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var lastSubscribe = time.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, time, ct);
                await RefreshAsync(ct);
                if (time.GetElapsedTime(lastSubscribe) > TimeSpan.FromSeconds(30))
                {
                    lastSubscribe = time.GetTimestamp();
                    await SubscribeAsync();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ListLog.PollFailed(logger, e);
            }
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await grains.GetGrain<IListChangeHubGrain>(0).Subscribe(silo.SiloAddress.ToParsableString(), _reference!);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            ListLog.SubscribeFailed(logger, e);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _apply.Dispose();
    }
}
