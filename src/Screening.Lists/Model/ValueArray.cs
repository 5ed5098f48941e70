namespace Screening.Lists.Model;

/// <summary>Creates <see cref="ValueArray{T}"/> values (also the builder behind collection expressions).</summary>
public static class ValueArray
{
    public static ValueArray<T> Create<T>(ReadOnlySpan<T> items) => new(System.Collections.Immutable.ImmutableArray.Create(items));
}
