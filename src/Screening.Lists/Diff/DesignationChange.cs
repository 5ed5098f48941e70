using Screening.Lists.Model;

namespace Screening.Lists.Diff;

/// <summary>A designation that is new, amended or relisted in an incoming list, with its fingerprint and (for amendments) the changed fields.</summary>
public sealed record DesignationChange(Designation Designation, DesignationFingerprint Fingerprint, ValueArray<string> ChangedFields);
