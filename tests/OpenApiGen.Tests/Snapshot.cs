using System.Text.RegularExpressions;

namespace OpenApiGen.Tests;

/// <summary>
/// Approved-file snapshots without Verify: compares with Snapshots/{name}.verified.cs; on a difference writes
/// {name}.received.cs beside it and fails. Approve by renaming received to verified after reading the diff.
/// </summary>
public static partial class Snapshot
{
    [GeneratedRegex("GeneratedCode\\(\"OpenApiGen\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();

    /// <summary>Checks several files and fails once, listing every difference, so all received files are written.</summary>
    public static void MatchAll(string folder, IEnumerable<(string Name, string Text)> files)
    {
        var failures = new List<string>();
        foreach (var (name, text) in files)
        {
            try
            {
                Match(folder, name, text);
            }
            catch (Xunit.Sdk.FailException ex)
            {
                failures.Add(ex.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static void Match(string folder, string name, string actual)
    {
        actual = VersionPattern().Replace(actual, "GeneratedCode(\"OpenApiGen\", \"{version}\")");
        var directory = Path.Combine(TestPaths.Snapshots, folder);
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        if (File.Exists(verified) && File.ReadAllText(verified) == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot {folder}/{name} differs from the approved file; see {received}."
            : $"Snapshot {folder}/{name} has no approved file yet; review {received} and rename it to .verified.cs.");
    }
}
