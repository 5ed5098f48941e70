namespace Screening.Lists.Model;

/// <summary>One part of a name, in source order.</summary>
public sealed record NamePart(NamePartType Type, string Value);
