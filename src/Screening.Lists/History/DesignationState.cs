using Screening.Lists.Model;

namespace Screening.Lists.History;

/// <summary>A designation's state at an effective date as known at a recorded time.</summary>
/// <param name="SourceId">The designation.</param>
/// <param name="InForce">Whether it is in force.</param>
/// <param name="Content">Its content at that date (the last known content, also when delisted).</param>
/// <param name="Decisive">The revision that decides the state.</param>
public sealed record DesignationState(string SourceId, bool InForce, Designation? Content, DesignationRevision Decisive);
