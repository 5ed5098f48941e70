namespace Screening.Deploy.Tests.Support;

/// <summary>Files of the repository under test.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding Platform.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder");
    }
}
