namespace Screening.Grains.Abstractions.Lists;

/// <summary>
/// Fans list changes out to every silo (key 0). On the write path only: screening never calls it. Each silo
/// subscribes its registry; <see cref="Publish"/> returns once every active silo has applied the change, or, for a
/// silo that did not confirm in time, once that silo's freshness lease has run out (after which it refuses to
/// answer until it has caught up by polling) — so no answer after the return uses the old list.
/// </summary>
[Alias("screening.IListChangeHubGrain")]
public interface IListChangeHubGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or renews) a silo's registry.</summary>
    [Alias("Subscribe")]
    Task Subscribe(string silo, IListIndexObserver observer);

    /// <summary>Pushes a committed version to every silo; see the type's summary for when it returns.</summary>
    [Alias("Publish")]
    Task<PropagationReport> Publish(string listId, int version);
}
