using System.Text;

namespace OpenApiGen.Tests.Prism;

/// <summary>artifacts/test-results/prism.md: the sweep table, then each spec's failures.</summary>
public static class PrismReport
{
    private static readonly object Gate = new();

    /// <summary>Every call as it finishes (artifacts/test-results/prism-progress.log), to watch a long sweep.</summary>
    public static void Progress(CallOutcome outcome)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results");
        Directory.CreateDirectory(directory);
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(directory, "prism-progress.log"),
                DateTime.UtcNow.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " + outcome.Operation + " " + outcome.Mode + " " + (outcome.Failure ?? "ok") + "\n", Encoding.UTF8);
        }
    }

    public static void Append(string row, string spec, string failures)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results");
        Directory.CreateDirectory(directory);
        lock (Gate)
        {
            var table = Path.Combine(directory, "prism.md");
            if (!File.Exists(table))
            {
                File.WriteAllText(table, "| spec | operations | calls | requests accepted | responses read | generate+compile s | prism startup s | sweep s (incl. startup) |\n|---|---|---|---|---|---|---|---|\n", Encoding.UTF8);
            }
            File.AppendAllText(table, row + "\n", Encoding.UTF8);
            File.AppendAllText(Path.Combine(directory, "prism-failures.md"), "## " + spec + "\n" + (failures.Length == 0 ? "none\n" : failures) + "\n", Encoding.UTF8);
        }
    }
}
