namespace Screening.Lists.Model;

/// <summary>A list kept by a jurisdiction, e.g. the UN consolidated list or Kazakhstan's list of terrorist organisations.</summary>
public sealed record DesignationList(ListId Id, string Title, string? Authority = null);
