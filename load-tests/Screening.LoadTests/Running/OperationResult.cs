namespace Screening.LoadTests.Running;

/// <summary>Outcome of one call: how many names it screened and, if the answer was wrong, why.</summary>
public readonly record struct OperationResult(int Names, string? ErrorCode = null, string? ErrorDetail = null)
{
    public static OperationResult Ok(int names) => new(names);

    public static OperationResult Wrong(string code, string detail) => new(0, code, detail);
}
