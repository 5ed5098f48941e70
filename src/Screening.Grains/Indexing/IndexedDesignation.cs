using System.Collections.Immutable;
using Screening.Lists.History;
using Screening.Lists.Model;

namespace Screening.Grains.Indexing;

/// <summary>A designation as the read path needs it: its latest content and its whole revision history.</summary>
public sealed record IndexedDesignation(string SourceId, Designation Content, ImmutableArray<DesignationRevision> Revisions);
