namespace Screening.Matching;

/// <summary>Bounds that keep work per name bounded whatever the input.</summary>
public static class InputLimits
{
    /// <summary>UTF-16 code units kept per name; longer names are truncated (never inside a surrogate pair).</summary>
    public const int MaxNameLength = 1024;

    /// <summary>Tokens kept per name after normalisation; the rest are dropped.</summary>
    public const int MaxTokensPerName = 32;

    /// <summary>Names used per query; the rest are ignored.</summary>
    public const int MaxNamesPerQuery = 32;

    /// <summary>Names indexed per designation entry; the rest are ignored.</summary>
    public const int MaxNamesPerEntry = 256;
}
