using System.Globalization;

namespace Screening.Host.Storage;

/// <summary>Finds the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>) on this machine.</summary>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>Full path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>Full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// The configured folder, else the folder of <c>pg_ctl</c> on PATH (following links), else the newest
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.
    /// </summary>
    public static PostgresBinaries Locate(string? configured, string? path = null, string versionsRoot = "/usr/lib/postgresql")
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            if (HasServer(full))
            {
                return new PostgresBinaries(full);
            }

            throw new PlatformStartupException(
                $"Storage:BinDirectory '{full}' does not contain initdb and pg_ctl: point it at a PostgreSQL bin folder, or remove it to search PATH and /usr/lib/postgresql.");
        }

        foreach (var dir in (path ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (!File.Exists(pgCtl))
            {
                continue;
            }

            // Debian links only some tools into PATH; the real folder holds them all.
            var target = File.ResolveLinkTarget(pgCtl, returnFinalTarget: true)?.FullName ?? pgCtl;
            var realDir = Path.GetDirectoryName(target)!;
            if (HasServer(realDir))
            {
                return new PostgresBinaries(realDir);
            }
        }

        if (System.IO.Directory.Exists(versionsRoot))
        {
            var newest = System.IO.Directory.GetDirectories(versionsRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(v => v.Version >= 0 && HasServer(v.Dir))
                .OrderByDescending(v => v.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return new PostgresBinaries(newest.Dir);
            }
        }

        throw new PlatformStartupException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/<version>/bin: install them (Debian/Ubuntu: apt-get install postgresql) or set Storage:BinDirectory, or use an existing server with Storage:ConnectionString.");
    }

    private static bool HasServer(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1;
}
