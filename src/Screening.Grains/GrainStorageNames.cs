namespace Screening.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class GrainStorageNames
{
    /// <summary>PostgreSQL grain storage for platform state.</summary>
    public const string Platform = "platform";
}
