namespace Screening.Lists.Parsing;

/// <summary>A list file could not be read: says where (<see cref="Position"/>) and why (<see cref="Reason"/>).</summary>
public sealed class ListFormatException : Exception
{
    public ListFormatException(string position, string reason, Exception? innerException = null)
        : base($"{position}: {reason}", innerException)
    {
        Position = position;
        Reason = reason;
    }

    public ListFormatException()
        : this("(unknown)", "the list could not be read")
    {
    }

    public ListFormatException(string message)
        : this("(unknown)", message)
    {
    }

    public ListFormatException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    /// <summary>Where: <c>line 12, column 5</c>, <c>sdn.csv line 40</c>, or an element path such as <c>/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[3]</c>.</summary>
    public string Position { get; }

    /// <summary>Why, in plain words.</summary>
    public string Reason { get; }
}
