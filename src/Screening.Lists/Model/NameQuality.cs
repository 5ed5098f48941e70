namespace Screening.Lists.Model;

/// <summary>How strongly a name identifies its subject, normalised across sources.</summary>
public enum NameQuality
{
    /// <summary>The main name of the designation (also its original-script form).</summary>
    Primary = 0,

    /// <summary>A good-quality alias (UN "Good", UN/OFAC "a.k.a." strong, EU strong).</summary>
    StrongAlias,

    /// <summary>A low-quality alias (UN "Low", OFAC weak a.k.a.).</summary>
    WeakAlias,

    /// <summary>A former name (f.k.a.).</summary>
    FormerName,
}
