using Screening.Matching;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Two names and whether they denote the same subject.</summary>
internal sealed record LabelledPair(string Name1, string Name2, bool IsMatch, SubjectKind Kind);
