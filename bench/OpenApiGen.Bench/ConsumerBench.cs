using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.Reader;
using NSwag.CodeGeneration.CSharp;

namespace OpenApiGen.Bench;

/// <summary>
/// Issue 10, what a consumer pays: for each spec, a clean <c>dotnet build -c Release --no-restore</c> of one consumer
/// project per generator — OpenApiGen (the packed package from a local feed, Client;Models), Kiota 1.38.0 (its CLI's
/// output + the Kiota 2.1.6 libraries) and NSwag 14.8 (CSharpClientGenerator, default settings, + Newtonsoft.Json).
/// Per generator: the generated characters, the median wall-clock build time and the median peak RSS of the compiler
/// process (csc runs out of process: UseSharedCompilation=false, and a wrapper set as CscToolExe runs it under GNU
/// time), plus the largest single process of the whole build (MSBuild's host or csc, GNU time on <c>dotnet build</c>).
/// Restore runs before each build and is not timed; bin and obj are deleted before each restore.
/// A peer whose output does not compile is patched by dropping, round by round, the generated files the compiler
/// reports errors in (Kiota: one file per type); every dropped file is listed in the report. NSwag writes one file: its
/// duplicate names (CS0102 members, CS0100 parameters) are renamed where the compiler reports them, which changes no
/// size or shape worth measuring; any other error leaves it reported as not compiling: no number is made up.
/// </summary>
internal static partial class ConsumerBench
{
    private const string KiotaLibraries = "2.1.6";
    private const string NewtonsoftJson = "13.0.4";
    private const int MaxPatchRounds = 8;

    private static readonly string[] Generators = ["OpenApiGen", "Kiota", "NSwag"];

    public static int Run(string repoRoot, string specsDir, IReadOnlyList<string> specs, string feed, string packageVersion, string? kiota, int runs, string output)
    {
        var work = Path.Combine(repoRoot, "artifacts", "bench", "consumer");
        var packages = Path.Combine(repoRoot, "artifacts", "bench", "packages");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(packages);
        // Fence the consumers off from the repository's Directory.*.props (central package management, LangVersion).
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="openapigen-bench" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="openapigen-bench"><package pattern="OpenApiGen" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        var timeTool = File.Exists("/usr/bin/time") ? "/usr/bin/time" : throw new InvalidOperationException("GNU time (/usr/bin/time) is missing: apt-get install time (the BenchConsumer target does).");

        var rows = new List<Row>();
        var notes = new List<string> { "load average (1, 5, 15 min) at the start: " + LoadAverage() };
        foreach (var name in specs)
        {
            var path = Path.Combine(specsDir, name);
            if (!File.Exists(path)) { notes.Add($"{name}: missing from {specsDir}."); continue; }
            Console.WriteLine($"== {name}");
            var specWork = Path.Combine(work, Path.GetFileNameWithoutExtension(name));
            if (Directory.Exists(specWork)) Directory.Delete(specWork, recursive: true);
            var row = new Row(name, CountOperations(path));
            var consumers = new List<Consumer>();
            foreach (var generator in Generators)
            {
                var dir = Path.Combine(specWork, generator);
                Directory.CreateDirectory(dir);
                var consumer = new Consumer(generator, dir, environment, timeTool);
                row.Results[generator] = consumer.Result;
                try
                {
                    switch (generator)
                    {
                        case "OpenApiGen": consumer.PrepareOpenApiGen(path, packageVersion); break;
                        case "Kiota": consumer.PrepareKiota(path, kiota); break;
                        default: consumer.PrepareNSwag(path); break;
                    }
                    consumer.Check(patchable: generator != "OpenApiGen");
                    consumers.Add(consumer);
                }
                catch (BenchSkip skip)
                {
                    consumer.Result.Status = skip.Message;
                    Console.WriteLine($"   {generator}: {skip.Message}");
                }
            }
            // Interleaved, so that a slow spell of the shared machine falls on every generator alike.
            for (var run = 0; run < runs; run++)
            {
                foreach (var consumer in consumers) consumer.TimedBuild();
            }
            foreach (var consumer in consumers)
            {
                var r = consumer.Result;
                Console.WriteLine($"   {consumer.Generator}: {r.Chars:N0} chars, {Median(r.Seconds):F1} s, {Median(r.CpuSeconds):F1} CPU s, csc {Median(r.CscPeakMb):F0} MB, build {Median(r.TreePeakMb):F0} MB ({string.Join(" ", r.Seconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} s)");
            }
            rows.Add(row);
        }

        notes.Add("load average (1, 5, 15 min) at the end: " + LoadAverage());
        var report = Render(rows, notes, runs, packageVersion);
        Console.WriteLine();
        Console.WriteLine(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int CountOperations(string path)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        var document = Microsoft.OpenApi.OpenApiDocument.Parse(File.ReadAllText(path), path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml", settings).Document;
        return document?.Paths?.Values.Sum(p => p.Operations?.Count ?? 0) ?? 0;
    }

    private static string Render(List<Row> rows, List<string> notes, int runs, string packageVersion)
    {
        var text = new StringBuilder();
        text.AppendLine("# Consumer build cost: OpenApiGen vs Kiota vs NSwag");
        text.AppendLine();
        text.AppendLine($"Clean `dotnet build -c Release --no-restore -maxcpucount:1 -nodeReuse:false -p:UseSharedCompilation=false` of one consumer class library per generator, median of {runs} (bin/obj deleted and restore run, untimed, before each build); {Environment.ProcessorCount} cores, .NET SDK of the machine, OpenApiGen {packageVersion} from the packed package (Client;Models), Kiota 1.38.0 + Kiota libraries {KiotaLibraries}, NSwag.CodeGeneration.CSharp 14.8.0 CSharpClientGenerator with default settings + Newtonsoft.Json {NewtonsoftJson}.");
        text.AppendLine("Chars: OpenApiGen's generated sources as the compiler emits them (EmitCompilerGeneratedFiles, every generator's output in the consumer), the peers' generated .cs files after any patch. Peak MB: max RSS of the csc process (GNU time around csc); the largest process of the whole build tree is in the second table.");
        text.AppendLine();
        text.AppendLine("| spec | operations | OpenApiGen chars | Kiota chars | NSwag chars | OpenApiGen build s | Kiota build s | NSwag build s | OpenApiGen peak MB | Kiota peak MB | NSwag peak MB | chars OpenApiGen/Kiota | time OpenApiGen/Kiota | memory OpenApiGen/Kiota |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Result o = row.Results["OpenApiGen"], k = row.Results["Kiota"], n = row.Results["NSwag"];
            text.AppendLine($"| {row.Spec} | {row.Operations} | {Chars(o)} | {Chars(k)} | {Chars(n)} | {Num(o, o.Seconds, "F1")} | {Num(k, k.Seconds, "F1")} | {Num(n, n.Seconds, "F1")} | {Num(o, o.CscPeakMb, "F0")} | {Num(k, k.CscPeakMb, "F0")} | {Num(n, n.CscPeakMb, "F0")} | {Ratio(o, k, r => r.Chars)} | {Ratio(o, k, r => Median(r.Seconds))} | {Ratio(o, k, r => Median(r.CscPeakMb))} |");
        }
        text.AppendLine();
        text.AppendLine("Largest single process of the whole `dotnet build` tree (MSBuild host or csc; GNU time on `dotnet build`, whose ru_maxrss is the largest process waited for, not a sum), median MB; median CPU seconds (user + system) of the build tree, less sensitive than wall clock to a busy machine; and every run's wall-clock seconds:");
        text.AppendLine();
        text.AppendLine("| spec | OpenApiGen build tree MB | Kiota build tree MB | NSwag build tree MB | OpenApiGen CPU s | Kiota CPU s | NSwag CPU s | CPU OpenApiGen/Kiota | OpenApiGen runs s | Kiota runs s | NSwag runs s |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Result o = row.Results["OpenApiGen"], k = row.Results["Kiota"], n = row.Results["NSwag"];
            text.AppendLine($"| {row.Spec} | {Num(o, o.TreePeakMb, "F0")} | {Num(k, k.TreePeakMb, "F0")} | {Num(n, n.TreePeakMb, "F0")} | {Num(o, o.CpuSeconds, "F1")} | {Num(k, k.CpuSeconds, "F1")} | {Num(n, n.CpuSeconds, "F1")} | {Ratio(o, k, r => Median(r.CpuSeconds))} | {Runs(o)} | {Runs(k)} | {Runs(n)} |");
        }
        text.AppendLine();
        text.AppendLine("Generated files, where the characters are, and what was patched:");
        text.AppendLine();
        foreach (var row in rows)
        {
            foreach (var generator in Generators)
            {
                var r = row.Results[generator];
                text.AppendLine($"- {row.Spec}, {generator}: {(r.Status is { } s ? s + "; " : "")}{r.Files} files{(r.Breakdown.Length > 0 ? " (" + r.Breakdown + ")" : "")}{(r.Patch.Count > 0 ? "; PATCHED: " + string.Join("; ", r.Patch) : r.Status is null ? "; compiled as generated" : "")}");
            }
        }
        foreach (var note in notes) text.AppendLine($"- {note}");
        return text.ToString();

        // A cell says only what happened ("does not compile"); the list under the tables gives the errors.
        static string Short(string status) => status.IndexOfAny(['(', ':']) is var cut and > 0 ? status[..cut].Trim() : status;
        static string Chars(Result r) => r.Status is { } s && r.Chars == 0 ? Short(s) : r.Chars.ToString("N0", CultureInfo.InvariantCulture) + (r.Patch.Count > 0 ? " (patched)" : "");
        static string Num(Result r, List<double> values, string format) => values.Count == 0 ? (r.Status is { } s ? Short(s) : "n/a") : Median(values).ToString(format, CultureInfo.InvariantCulture);
        static string Runs(Result r) => r.Seconds.Count == 0 ? "" : string.Join(" ", r.Seconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)));
        static string Ratio(Result a, Result b, Func<Result, double> value) =>
            a.Seconds.Count == 0 || b.Seconds.Count == 0 ? "n/a" : (value(a) / value(b)).ToString("F2", CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Row(string Spec, int Operations)
    {
        public Dictionary<string, Result> Results { get; } = new();
    }

    private sealed class Result
    {
        public string? Status { get; set; }
        public long Chars { get; set; }
        public int Files { get; set; }
        public string Breakdown { get; set; } = "";
        public List<string> Patch { get; } = [];
        public List<double> Seconds { get; } = [];
        public List<double> CscPeakMb { get; } = [];
        public List<double> TreePeakMb { get; } = [];
        public List<double> CpuSeconds { get; } = [];
    }

    private sealed class BenchSkip(string message) : Exception(message);

    /// <summary>One consumer project: its folder, how to build it, and what its builds measured.</summary>
    private sealed partial class Consumer(string generator, string dir, IReadOnlyDictionary<string, string> environment, string timeTool)
    {
        private const string Project = "Consumer.csproj";

        public string Generator { get; } = generator;
        public Result Result { get; } = new();

        private string GeneratedDir => Path.Combine(dir, "Generated");

        public void PrepareOpenApiGen(string spec, string packageVersion) => WriteProject(
            $"""<PackageReference Include="OpenApiGen" Version="{packageVersion}" PrivateAssets="all" />"""
            + $"""<AdditionalFiles Include="{spec}" OpenApiGenerate="Client;Models" OpenApiNamespace="Bench.Api" />""");

        public void PrepareKiota(string spec, string? kiota)
        {
            if (kiota is null) throw new BenchSkip("Kiota not installed");
            var run = Exec(dir, kiota, ["generate", "-l", "CSharp", "-d", spec, "-o", GeneratedDir, "-n", "Bench.Kiota", "--clean-output", "--log-level", "Warning"], TimeSpan.FromMinutes(20));
            if (run.ExitCode != 0) throw new BenchSkip($"kiota generate failed (exit {run.ExitCode}): {FirstLines(run.Output, 3)}");
            WriteProject(string.Concat(new[] { "Abstractions", "Http.HttpClientLibrary", "Serialization.Json", "Serialization.Text", "Serialization.Form", "Serialization.Multipart" }
                .Select(p => $"""<PackageReference Include="Microsoft.Kiota.{p}" Version="{KiotaLibraries}" />""")));
        }

        public void PrepareNSwag(string spec)
        {
            string code;
            try
            {
                var text = File.ReadAllText(spec);
                var document = spec.EndsWith(".json", StringComparison.Ordinal)
                    ? NSwag.OpenApiDocument.FromJsonAsync(text).GetAwaiter().GetResult()
                    : NSwag.OpenApiYamlDocument.FromYamlAsync(text).GetAwaiter().GetResult();
                code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile();
            }
            catch (Exception ex)
            {
                throw new BenchSkip($"NSwag generation failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            }
            Directory.CreateDirectory(GeneratedDir);
            File.WriteAllText(Path.Combine(GeneratedDir, "Client.cs"), code);
            WriteProject($"""<PackageReference Include="Newtonsoft.Json" Version="{NewtonsoftJson}" />""");
        }

        private void WriteProject(string items)
        {
            // csc-peak.sh stands in for csc: it runs the SDK's csc.dll under GNU time and appends its max RSS (KB) to $CSC_PEAK_FILE.
            File.WriteAllText(Path.Combine(dir, Project), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <UseSharedCompilation>false</UseSharedCompilation>
                    <CscToolPath>{dir}</CscToolPath>
                    <CscToolExe>csc-peak.sh</CscToolExe>
                  </PropertyGroup>
                  <ItemGroup>
                    {items}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "csc-peak.sh"), $$"""
                #!/bin/sh
                exec {{timeTool}} -f %M -a -o "${CSC_PEAK_FILE:-/dev/null}" "${DOTNET_HOST_PATH:-dotnet}" exec "{{CscDll.Value}}" "$@"

                """);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(dir, "csc-peak.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        /// <summary>The untimed first build: proves the consumer compiles (patching a peer's output if asked) and counts the characters.</summary>
        public void Check(bool patchable)
        {
            for (var round = 0; ; round++)
            {
                var build = Build(emitGenerated: true);
                if (build.ExitCode == 0) break;
                var errors = ErrorLines(build.Output);
                if (errors.Count == 0) throw new BenchSkip($"build failed without error lines: {FirstLines(build.Output, 5)}");
                var files = errors.Select(e => FileOfError().Match(e)).Where(m => m.Success).Select(m => m.Groups["file"].Value)
                    .Where(f => Path.GetFullPath(f).StartsWith(GeneratedDir + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(f)).Distinct().ToList();
                var codes = string.Join(", ", errors.Select(e => CodeOfError().Match(e)).Where(m => m.Success).GroupBy(m => m.Value).Select(g => $"{g.Key}×{g.Count()}"));
                if (patchable && Generator == "NSwag" && round < MaxPatchRounds && RenameDuplicates(errors) is { } renamed)
                {
                    Result.Patch.Add($"round {round + 1}: {errors.Count} errors ({codes}), renamed {renamed}");
                    Console.WriteLine($"   {Generator}: {Result.Patch[^1]}");
                    continue;
                }
                if (!patchable || Generator == "NSwag" || files.Count == 0 || round == MaxPatchRounds)
                {
                    throw new BenchSkip($"does not compile ({errors.Count} errors: {codes}; first: {Shorten(errors[0])})");
                }
                // The patch: drop every generated file that has an error (one type per file for Kiota), then build again.
                long dropped = 0;
                foreach (var file in files) { dropped += File.ReadAllText(file).Length; File.Delete(file); }
                Result.Patch.Add($"round {round + 1}: {errors.Count} errors ({codes}), dropped {files.Count} files ({dropped:N0} chars): {string.Join(", ", files.Select(f => Path.GetRelativePath(GeneratedDir, f)))}");
                Console.WriteLine($"   {Generator}: {Result.Patch[^1]}");
            }
            var sources = Generator == "OpenApiGen"
                ? Directory.GetFiles(Path.Combine(dir, "obj", "Release", "net10.0", "generated"), "*.cs", SearchOption.AllDirectories)
                : Directory.GetFiles(GeneratedDir, "*.cs", SearchOption.AllDirectories);
            Result.Files = sources.Length;
            Result.Chars = sources.Sum(f => (long)File.ReadAllText(f).Length);
            if (Generator == "OpenApiGen")
            {
                var root = Path.Combine(dir, "obj", "Release", "net10.0", "generated");
                Result.Breakdown = string.Join(", ", sources.GroupBy(f => Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)[0])
                    .Select(g => $"{g.Key}: {g.Sum(f => (long)File.ReadAllText(f).Length):N0} chars"));
            }
        }

        /// <summary>
        /// NSwag's duplicate names (an enum with Etc/GMT+0 and Etc/GMT-0, a path parameter named like a query one): each
        /// reported identifier gets a numbered suffix. Null when some error is of another kind, so nothing is patched.
        /// </summary>
        private string? RenameDuplicates(List<string> errors)
        {
            var places = errors.Select(e => DuplicateAt().Match(e)).ToList();
            if (places.Any(m => !m.Success)) return null;
            var renamed = new List<string>();
            foreach (var file in places.GroupBy(m => m.Groups["file"].Value))
            {
                var lines = File.ReadAllLines(file.Key);
                // Right to left on a line, so earlier columns stay valid.
                foreach (var m in file.Select(m => (Line: int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) - 1, Column: int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture) - 1))
                    .Distinct().OrderByDescending(p => p.Line).ThenByDescending(p => p.Column))
                {
                    var line = lines[m.Line];
                    var end = m.Column;
                    while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_')) end++;
                    if (end == m.Column) return null;
                    var name = line[m.Column..end];
                    lines[m.Line] = line[..end] + "_dup" + (renamed.Count + 1).ToString(CultureInfo.InvariantCulture) + line[end..];
                    renamed.Add($"{name} at {Path.GetFileName(file.Key)}:{m.Line + 1}");
                }
                File.WriteAllLines(file.Key, lines);
            }
            return renamed.Count == 0 ? null : $"{renamed.Count} duplicate names ({string.Join(", ", renamed.Take(5))}{(renamed.Count > 5 ? ", …" : "")})";
        }

        [GeneratedRegex(@"^\s*(?<file>/[^(]+\.cs)\((?<line>\d+),(?<col>\d+)\): error (CS0102|CS0100):")]
        private static partial Regex DuplicateAt();

        public void TimedBuild()
        {
            var build = Build(emitGenerated: false);
            if (build.ExitCode != 0) throw new InvalidOperationException($"{Generator} consumer in {dir} failed on a timed build after compiling before: {FirstLines(build.Output, 10)}");
            Result.Seconds.Add(build.Seconds);
            Result.CscPeakMb.Add(build.CscPeakKb / 1024.0);
            Result.TreePeakMb.Add(build.TreePeakKb / 1024.0);
            Result.CpuSeconds.Add(build.CpuSeconds);
        }

        private BuildRun Build(bool emitGenerated)
        {
            foreach (var sub in new[] { "bin", "obj" })
            {
                if (Directory.Exists(Path.Combine(dir, sub))) Directory.Delete(Path.Combine(dir, sub), recursive: true);
            }
            var restore = Exec(dir, "dotnet", ["restore", Project, "-nodeReuse:false"], TimeSpan.FromMinutes(10));
            if (restore.ExitCode != 0) throw new BenchSkip($"restore failed: {FirstLines(string.Join("\n", ErrorLines(restore.Output)), 3)}");
            var cscPeak = Path.Combine(dir, "csc-peak.txt");
            var treePeak = Path.Combine(dir, "build-peak.txt");
            File.Delete(cscPeak);
            File.Delete(treePeak);
            string[] arguments = ["-f", "%M %U %S", "-o", treePeak, "dotnet", "build", Project, "-c", "Release", "--no-restore", "-maxcpucount:1", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary"];
            if (emitGenerated) arguments = [.. arguments, "-p:EmitCompilerGeneratedFiles=true"];
            var watch = Stopwatch.StartNew();
            var build = Exec(dir, timeTool, arguments, TimeSpan.FromMinutes(30), new() { ["CSC_PEAK_FILE"] = cscPeak });
            var seconds = watch.Elapsed.TotalSeconds;
            var csc = File.Exists(cscPeak) ? File.ReadAllLines(cscPeak).Select(l => long.TryParse(l.Trim(), out var kb) ? kb : 0).DefaultIfEmpty(0).Max() : 0;
            // GNU time's last line: max RSS (KB), user and system CPU seconds of dotnet build and every process it waited for.
            var treeLine = (File.Exists(treePeak) ? File.ReadAllLines(treePeak).LastOrDefault(l => l.Trim().Length > 0) : null)?.Trim().Split(' ') ?? [];
            var tree = treeLine.Length == 3 && long.TryParse(treeLine[0], out var treeKb) ? treeKb : 0;
            var cpu = treeLine.Length == 3 ? double.Parse(treeLine[1], CultureInfo.InvariantCulture) + double.Parse(treeLine[2], CultureInfo.InvariantCulture) : double.NaN;
            if (build.ExitCode == 0 && csc == 0) throw new InvalidOperationException($"The build of {dir} did not run csc through csc-peak.sh (no {cscPeak}); the compiler's memory cannot be measured.");
            return new BuildRun(build.ExitCode, build.Output, seconds, csc, tree, cpu);
        }

        private ProcessRun Exec(string workingDirectory, string fileName, IEnumerable<string> arguments, TimeSpan timeout, Dictionary<string, string>? extra = null)
        {
            var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            foreach (var (key, value) in environment) start.Environment[key] = value;
            foreach (var (key, value) in extra ?? []) start.Environment[key] = value;
            return ProcessRun.Start(start, timeout);
        }

        private static List<string> ErrorLines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

        private static string Shorten(string line) => line.Length > 300 ? line[..300] + "…" : line;

        [GeneratedRegex(@"^\s*(?<file>/[^(]+\.cs)\(\d+,\d+\): error ")]
        private static partial Regex FileOfError();

        [GeneratedRegex(@"(?<=: error )[A-Z]+\d+")]
        private static partial Regex CodeOfError();
    }

    private sealed record BuildRun(int ExitCode, string Output, double Seconds, long CscPeakKb, long TreePeakKb, double CpuSeconds);

    private sealed record ProcessRun(int ExitCode, string Output)
    {
        public static ProcessRun Start(ProcessStartInfo start, TimeSpan timeout)
        {
            using var process = new Process { StartInfo = start };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ProcessRun(-1, $"TIMEOUT after {timeout}\n{output}");
            }
            process.WaitForExit();
            return new ProcessRun(process.ExitCode, output.ToString());
        }
    }

    private static string FirstLines(string text, int count) => string.Join(" | ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(count));

    /// <summary>The SDK's own csc.dll, which the wrapper runs: the one MSBuild would run itself (RoslynTargetsPath/bincore).</summary>
    private static readonly Lazy<string> CscDll = new(() =>
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        var version = ProcessRun.Start(start, TimeSpan.FromMinutes(1)).Output.Trim();
        start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--list-sdks");
        var line = ProcessRun.Start(start, TimeSpan.FromMinutes(1)).Output.Split('\n').First(l => l.StartsWith(version + " [", StringComparison.Ordinal));
        var sdkRoot = line[(line.IndexOf('[') + 1)..line.LastIndexOf(']')];
        var csc = Path.Combine(sdkRoot, version, "Roslyn", "bincore", "csc.dll");
        return File.Exists(csc) ? csc : throw new FileNotFoundException("The SDK's csc.dll was not found", csc);
    });
}
