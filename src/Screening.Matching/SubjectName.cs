namespace Screening.Matching;

/// <summary>One name of a designated subject; <paramref name="IsWeak"/> marks a low-quality or weak alias.</summary>
/// <param name="Text">The name as published, in any script.</param>
/// <param name="IsWeak">True for low-quality (UN "Low") or weak (OFAC "weak") aliases; such names need a closer match.</param>
public sealed record SubjectName(string Text, bool IsWeak = false);
