using Screening.Lists.Model;

namespace Screening.Lists.Parsing;

/// <summary>
/// The result of opening a list file: its metadata, and its designations read lazily in one pass.
/// Dispose it to release the underlying reader and stream.
/// </summary>
public sealed class ParsedList : IDisposable
{
    private readonly IEnumerable<Designation> _designations;
    private readonly IDisposable? _owned;
    private bool _enumerated;

    public ParsedList(ListMetadata metadata, IEnumerable<Designation> designations, IDisposable? owned = null)
    {
        Metadata = metadata;
        _designations = designations;
        _owned = owned;
    }

    public ListMetadata Metadata { get; }

    /// <summary>The designations, parsed as they are enumerated. Enumerate once.</summary>
    public IEnumerable<Designation> Designations
    {
        get
        {
            if (_enumerated)
            {
                throw new InvalidOperationException("The designations of a parsed list can be enumerated only once.");
            }

            _enumerated = true;
            return _designations;
        }
    }

    /// <summary>Reads every designation into memory, checking that source ids are unique.</summary>
    public IReadOnlyList<Designation> ReadAll()
    {
        var list = new List<Designation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var designation in Designations)
        {
            if (!seen.Add(designation.SourceId))
            {
                throw new ListFormatException($"designation {designation.SourceId}", $"the source id '{designation.SourceId}' occurs more than once");
            }

            list.Add(designation);
        }

        return list;
    }

    public void Dispose() => _owned?.Dispose();
}
