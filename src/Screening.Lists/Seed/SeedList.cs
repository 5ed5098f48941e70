using Screening.Lists.Model;

namespace Screening.Lists.Seed;

/// <summary>One demo seed list shipped as an embedded national-json resource.</summary>
public sealed record SeedList(ListId ListId, string Title, string ResourceName)
{
    /// <summary>Opens the embedded national-json document.</summary>
    public Stream Open() => typeof(SeedList).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The seed resource '{ResourceName}' is missing.");
}
