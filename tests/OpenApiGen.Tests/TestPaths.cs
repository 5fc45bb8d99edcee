namespace OpenApiGen.Tests;

/// <summary>Locates the repository and the shared specs folder from the test's output directory.</summary>
public static class TestPaths
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static string Spec(string name) => Path.Combine(RepoRoot, "specs", name);

    public static string SharedSpecs => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "specs"));

    public static string Snapshots => Path.Combine(RepoRoot, "tests", "OpenApiGen.Tests", "Snapshots");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenApiGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("OpenApiGen.sln not found above " + AppContext.BaseDirectory);
    }
}
