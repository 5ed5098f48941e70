namespace Screening.Lists.Parsing;

/// <summary>Disposes several resources in reverse order of acquisition.</summary>
internal sealed class Disposables : IDisposable
{
    private readonly List<IDisposable> _items = [];

    public Disposables(params IDisposable?[] items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    public void Add(IDisposable? item)
    {
        if (item is not null)
        {
            _items.Add(item);
        }
    }

    public void Dispose()
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            _items[i].Dispose();
        }

        _items.Clear();
    }
}
