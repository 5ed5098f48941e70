namespace Screening.Matching.Normalisation;

/// <summary>What a token contributes to a match.</summary>
internal enum TokenRole : byte
{
    /// <summary>A name token that creates or blocks a match.</summary>
    Informative,

    /// <summary>Article or patronymic particle (al, el, bin, ibn, van, de).</summary>
    Particle,

    /// <summary>Title or honorific (mr, haji, mullah, sheikh).</summary>
    Honorific,

    /// <summary>Legal form of an organisation (llc, ltd, ooo, too, jsc, gmbh).</summary>
    LegalForm,

    /// <summary>Function word (the, of, and).</summary>
    StopWord,
}
