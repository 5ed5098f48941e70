namespace Screening.Grains.Abstractions.Lists;

/// <summary>A silo's list index registry, told of list changes by <see cref="IListChangeHubGrain"/>.</summary>
[Alias("screening.IListIndexObserver")]
public interface IListIndexObserver : IGrainObserver
{
    /// <summary>Loads the list up to <paramref name="version"/> and swaps the silo's index; completes once applied.</summary>
    [Alias("ListChanged")]
    Task ListChanged(string listId, int version);
}
