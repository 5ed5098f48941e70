using Screening.Contracts.V1;

namespace Screening.LoadTests.Data;

/// <summary>A request prepared before the run, with the answer it must get.</summary>
public sealed record PlannedRequest(ScreenRequest Request, Expectation Expected);
