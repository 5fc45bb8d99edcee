using System.IO.Compression;
using System.Text;

namespace OpenApiGen.EndToEndTests;

/// <summary>The result of packing src/OpenApiGen once for the whole test run.</summary>
public sealed record PackedPackage(string Feed, string Version, string PackagePath, IReadOnlyList<string> Entries, ProcessResult Pack, string Log);

/// <summary>
/// Packs src/OpenApiGen and the openapigen tool (src/OpenApiGen.Cli) into a temp feed under a unique version exactly once per test run (packing costs seconds),
/// however many consumer fixtures ask for it and however they are scheduled. The feed folder is deleted when the
/// test process exits. A failed pack is remembered too, so every fixture reports the same failure instead of retrying.
/// </summary>
internal static class SharedPackage
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<Task<PackedPackage>> Packed = new(PackAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    static SharedPackage()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRoot();
    }

    /// <summary>Unique per run, so no NuGet cache can ever hand back a stale package.</summary>
    public static string Version { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Holds the feed and the pack's own bin/obj; nothing else.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "openapigen-e2e-pack-" + Guid.NewGuid().ToString("N")[..12]);

    public static Task<PackedPackage> GetAsync() => Packed.Value;

    private static async Task<PackedPackage> PackAsync()
    {
        var log = new StringBuilder();
        log.AppendLine($"Shared pack root: {Root}");
        log.AppendLine($"Package version:  {Version}");
        Directory.CreateDirectory(Root);
        var feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(feed);

        // The generator, then the openapigen dotnet tool: same version, same feed. --artifacts-path keeps these builds'
        // bin/obj out of src/, so they cannot collide with a build someone runs in the work tree at the same time.
        async Task<ProcessResult> PackOneAsync(string project)
        {
            var result = await ProcessRunner.RunAsync(
                RepoLayout.Root,
                PackTimeout,
                null,
                "pack", project,
                "-c", "Release",
                "-o", feed,
                $"-p:Version={Version}",
                "--artifacts-path", Path.Combine(Root, "pack-artifacts"),
                "-nodeReuse:false",
                "--disable-build-servers");
            log.AppendLine(result.ToString());
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"dotnet pack {Path.GetFileName(project)} failed (exit {(result.TimedOut ? "TIMEOUT" : result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}):{BuildOutput.ErrorLines(result.Output)}{Environment.NewLine}{log}");
            }
            return result;
        }
        var pack = await PackOneAsync(RepoLayout.GeneratorProject);
        await PackOneAsync(RepoLayout.CliProject);
        var packagePath = Path.Combine(feed, $"OpenApiGen.{Version}.nupkg");
        if (!File.Exists(packagePath))
        {
            throw new InvalidOperationException($"dotnet pack succeeded but {packagePath} is missing; feed holds: {string.Join(", ", Directory.GetFiles(feed))}");
        }
        List<string> entries;
        using (var zip = ZipFile.OpenRead(packagePath))
        {
            entries = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        log.AppendLine("Package entries:" + Environment.NewLine + string.Join(Environment.NewLine, entries.Select(e => "  " + e)));
        return new PackedPackage(feed, Version, packagePath, entries, pack, log.ToString());
    }

    private static void DeleteRoot()
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }
}

/// <summary>Helpers for reading build output.</summary>
internal static class BuildOutput
{
    /// <summary>The error lines of a build's output (the full output is in the log).</summary>
    public static string ErrorLines(string buildOutput)
    {
        var errors = buildOutput.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains(": error", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count == 0
            ? " (no error lines; full output in the test log)"
            : Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
