namespace Screening.Host.Options;

/// <summary>Where the platform keeps its state (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// <c>Embedded</c> (default): the host starts a private PostgreSQL from the installed server binaries.
    /// <c>External</c>: use <see cref="ConnectionString"/>.
    /// </summary>
    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>Npgsql connection string of an existing PostgreSQL (External mode). Setting it selects External mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Data folder of the embedded server (Embedded mode). Default <c>./.data/postgres</c>.</summary>
    public string DataDirectory { get; set; } = Path.Combine(".data", "postgres");

    /// <summary>Folder with <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c> (Embedded mode). Default: PATH, then the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// OS user that runs the embedded server when the host runs as root (PostgreSQL refuses root). Default <c>postgres</c>.
    /// </summary>
    public string ServerUser { get; set; } = "postgres";
}

/// <summary>Storage mode.</summary>
public enum StorageMode
{
    /// <summary>A private PostgreSQL started and stopped by the host.</summary>
    Embedded,

    /// <summary>An existing PostgreSQL reached by connection string.</summary>
    External,
}
