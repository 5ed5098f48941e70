namespace Screening.Benchmarks.Data;

/// <summary>Finds the repository root (the folder holding Platform.sln) and the shared data folder beside it.</summary>
internal static class RepositoryLayout
{
    public static string SharedData()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                }
            }
        }

        throw new DirectoryNotFoundException("Platform.sln not found above the working or base directory; cannot locate ../shared/data.");
    }
}
