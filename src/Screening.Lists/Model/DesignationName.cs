namespace Screening.Lists.Model;

/// <summary>A name of a designated subject.</summary>
public sealed record DesignationName
{
    public required string FullName { get; init; }

    public NameQuality Quality { get; init; }

    /// <summary>ISO 15924 script code detected from the text (e.g. <c>Latn</c>, <c>Arab</c>, <c>Cyrl</c>).</summary>
    public string Script { get; init; } = "Zyyy";

    /// <summary>Language code when the source gives one (EU nameLanguage).</summary>
    public string? Language { get; init; }

    /// <summary>Parts of the name when the source gives them, in source order.</summary>
    public ValueArray<NamePart> Parts { get; init; }

    /// <summary>Builds a name, detecting its script.</summary>
    public static DesignationName Create(string fullName, NameQuality quality, ValueArray<NamePart> parts = default, string? language = null) =>
        new() { FullName = fullName, Quality = quality, Script = WritingScript.Detect(fullName), Parts = parts, Language = language };
}
