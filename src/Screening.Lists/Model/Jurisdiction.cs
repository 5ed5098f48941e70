namespace Screening.Lists.Model;

/// <summary>A body that publishes designation lists: a state, a union, or the UN Security Council.</summary>
/// <param name="Code">Short code, e.g. <c>UN</c>, <c>US</c>, <c>EU</c>, <c>GB</c>, <c>KZ</c>, <c>RU</c>, <c>KG</c>, <c>TJ</c>.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Authority">The authority that keeps its lists (e.g. OFAC, OFSI, AFM).</param>
public sealed record Jurisdiction(string Code, string Name, string Authority);
