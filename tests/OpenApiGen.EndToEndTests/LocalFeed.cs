namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Throw-away project folders for the packed-package tests: fenced off from the repository's Directory.*.props and
/// central package management, restoring the run's packages from the local feed and everything else from nuget.org.
/// </summary>
internal static class LocalFeed
{
    /// <summary>A new empty folder under the temp path, fenced and with a nuget.config that maps <paramref name="packagePattern"/> to the feed.</summary>
    public static string CreateRoot(string prefix, string feed, string packagePattern)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        Fence(root);
        WriteNuGetConfig(root, feed, packagePattern);
        return root;
    }

    public static void Fence(string root)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
    }

    public static void WriteNuGetConfig(string root, string feed, string packagePattern) =>
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="openapigen-e2e" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="openapigen-e2e">
                  <package pattern="{packagePattern}" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    /// <summary>The folder's own package cache, so nothing of the run reaches the global NuGet cache.</summary>
    public static Dictionary<string, string> Environment(string root) => new() { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };

    public static void Delete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
