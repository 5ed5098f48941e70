namespace Screening.LoadTests.Data;

/// <summary>
/// What a correct answer looks like. <see cref="DesignationId"/> null: a clean subject, no hit from any generated
/// list. Otherwise the planted designation must be among the hits exactly when <see cref="MustHit"/> (the tenant
/// subscribes to its list).
/// </summary>
public readonly record struct Expectation(string? DesignationId, bool MustHit);
