namespace Screening.Api.Grpc;

/// <summary>Limits of list imports (configuration section <c>Lists:Import</c>).</summary>
public sealed class ListImportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Lists:Import";

    /// <summary>Largest file accepted by <c>ImportList</c>; larger uploads are refused while streaming, so memory stays bounded. Default 64 MiB.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;
}
