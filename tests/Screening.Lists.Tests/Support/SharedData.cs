namespace Screening.Lists.Tests.Support;

/// <summary>Locates the shared real list files: walk up to Platform.sln, then ../shared/data.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string ListsDirectory => Path.Combine(Root.Value, "lists");

    public static string List(params string[] parts) => Path.Combine([ListsDirectory, .. parts]);

    public static Stream Open(params string[] parts) => File.OpenRead(List(parts));

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Stream OpenFixture(string name) => File.OpenRead(Fixture(name));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
        }

        var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
        return Directory.Exists(data) ? data : throw new InvalidOperationException("Shared data not found at " + data);
    }
}
