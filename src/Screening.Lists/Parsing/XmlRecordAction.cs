namespace Screening.Lists.Parsing;

/// <summary>What <see cref="XmlRecordReader"/> does with an element.</summary>
internal enum XmlRecordAction
{
    /// <summary>Skip the element and its content.</summary>
    Skip = 0,

    /// <summary>Walk into the element (a container of records).</summary>
    Descend,

    /// <summary>Read the element and its content as one record.</summary>
    Capture,
}
