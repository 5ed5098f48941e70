namespace Screening.Host.Tests.Infrastructure;

/// <summary>The real list files in ../shared/data beside the repository (present in CI too).</summary>
public static class SharedData
{
    /// <summary>The repository root (the folder holding Platform.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A file under ../shared/data/lists.</summary>
    public static string ListFile(string relative) => Path.Combine(RepositoryRoot, "..", "shared", "data", "lists", relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder");
    }
}
