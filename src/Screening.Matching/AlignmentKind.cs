namespace Screening.Matching;

/// <summary>How a query token relates to a token of the matched name.</summary>
public enum AlignmentKind
{
    /// <summary>Same token after normalisation and transliteration.</summary>
    Exact,

    /// <summary>A different romanisation or spelling convention of the same name (Mohammed / Muhammad, Kairat / Qairat).</summary>
    Variant,

    /// <summary>Close spelling (typo, dropped or doubled letter).</summary>
    Fuzzy,

    /// <summary>An initial matched a full token.</summary>
    Initial,

    /// <summary>Two tokens on one side matched one token on the other (Abdul Rahman / Abdulrahman).</summary>
    Merged,

    /// <summary>A query token with no counterpart in the matched name.</summary>
    Unmatched,

    /// <summary>A token of the matched name with no counterpart in the query.</summary>
    Missing,

    /// <summary>A stop-word, honorific or legal form that neither creates nor blocks a match.</summary>
    Ignored,
}
