namespace OpenApiGen.EndToEndTests;

/// <summary>Where the repository lives, found by walking up from the test's output folder.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    public static string GeneratorProject => Path.Combine(Root, "src", "OpenApiGen", "OpenApiGen.csproj");

    public static string CliProject => Path.Combine(Root, "src", "OpenApiGen.Cli", "OpenApiGen.Cli.csproj");

    public static string SeedSpec => Path.Combine(Root, "specs", "openhands-delete-conversation.json");

    /// <summary>The whole OpenHands spec, <c>../shared/specs/openhands.json</c> relative to the repository root.</summary>
    public static string OpenHandsSpec => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "openhands.json"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var hasSln = File.Exists(Path.Combine(dir.FullName, "OpenApiGen.sln"));
            var hasProps = File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                && File.Exists(Path.Combine(dir.FullName, "src", "OpenApiGen", "OpenApiGen.csproj"));
            if (hasSln || hasProps)
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Could not find the repository root above '{AppContext.BaseDirectory}' (looked for OpenApiGen.sln or Directory.Build.props + src/OpenApiGen).");
    }
}
