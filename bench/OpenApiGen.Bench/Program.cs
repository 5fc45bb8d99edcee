using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi.Reader;
using NSwag.CodeGeneration.CSharp;
using OpenApiGen;

// Times, in one process and run, for each spec: (a) JsonDocument.Parse (the floor), (b) Microsoft.OpenApi parse,
// (c) OpenApiGen's full generation (client + server + models) through CSharpGeneratorDriver, (d) NSwag 14.8's
// CSharpClientGenerator + CSharpControllerGenerator. Prints medians and the ratios c/a, c/b and d/c.
// Usage: dotnet run -c Release --project bench/OpenApiGen.Bench [-- --runs N] [--kiota path/to/kiota]
// Other modes: --volume [--dump DIR], --read-only, --render-only, and --consumer (clean consumer builds per generator; run it through
// `dotnet cake --target=BenchConsumer`, which packs the generator and installs Kiota).
var runs = ArgValue("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 7;
var kiota = ArgValue("--kiota");
var specsDir = Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "specs"));
string[] specs = ArgValue("--specs")?.Split(',') ?? ["openhands.json", "stripe.json", "github-api.json", "kubernetes.json", "openai.yaml"];
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => p.Length > 0).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
var compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("class C { }")], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

if (args.Contains("--consumer"))
{
    // Issue 10: clean consumer builds per generator (see ConsumerBench.cs); the BenchConsumer Cake target packs and passes --feed and --package-version.
    Environment.ExitCode = OpenApiGen.Bench.ConsumerBench.Run(FindRepoRoot(), specsDir, specs,
        Path.GetFullPath(ArgValue("--feed") ?? throw new ArgumentException("--consumer needs --feed DIR (the local feed with the packed OpenApiGen)")),
        ArgValue("--package-version") ?? throw new ArgumentException("--consumer needs --package-version VERSION"),
        kiota is null ? null : Path.GetFullPath(kiota),
        ArgValue("--runs") is { } consumerRuns ? int.Parse(consumerRuns, CultureInfo.InvariantCulture) : 3,
        Path.GetFullPath(ArgValue("--output") ?? Path.Combine(FindRepoRoot(), "artifacts", "bench", "consumer.md")));
    return;
}

if (args.Contains("--corpus-volume"))
{
    // Generated characters (Client,Models, runtime included) of every spec in ../shared/specs: "no spec of the corpus grows".
    foreach (var name in Directory.GetFiles(specsDir).Select(Path.GetFileName).Where(n => n!.EndsWith(".json") || n.EndsWith(".yaml") || n.EndsWith(".yml")).OrderBy(n => n, StringComparer.Ordinal))
    {
        var spec = OpenApiGen.Reading.SpecReader.Read(new OpenApiGen.Model.SpecInput(Path.Combine(specsDir, name!), File.ReadAllText(Path.Combine(specsDir, name!)), null, null, "Client,Models", null), new OpenApiGen.Model.CompilationFeatures(true, true)).Spec!;
        var units = OpenApiGen.Emit.RenderPlanner.Plan(spec).ToList();
        var parts = units.Aggregate(OpenApiGen.Emit.RuntimePart.None, (all, unit) => all | OpenApiGen.Emit.RuntimeSources.PartsFor(unit));
        long total = OpenApiGen.Emit.RuntimeSources.For(parts).Sum(f => (long)f.Text.Length);
        foreach (var unit in units) total += OpenApiGen.Emit.SourceEmitter.Render(unit).Length;
        Console.WriteLine($"{name}\t{total}");
    }
    return;
}

if (args.Contains("--read-only"))
{
    // Reading alone (spec text → model, Client;Models), min and median of 15 runs and the bytes one read allocates: for profiling and comparing reader changes.
    foreach (var name in specs)
    {
        var text = File.ReadAllText(Path.Combine(specsDir, name));
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < 16; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            _ = OpenApiGen.Reading.SpecReader.Read(new OpenApiGen.Model.SpecInput(Path.Combine(specsDir, name), text, null, null, "Client,Models", null), new OpenApiGen.Model.CompilationFeatures(true, true));
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        times.Sort();
        Console.WriteLine($"{name}: read min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, allocated {allocated / 1e6:F0} MB");
    }
    return;
}

if (args.Contains("--render-only"))
{
    // Rendering alone (model → C# text, no driver), min and median of 15 runs: for comparing renderer changes on a noisy machine.
    foreach (var name in specs)
    {
        var spec = OpenApiGen.Reading.SpecReader.Read(new OpenApiGen.Model.SpecInput(Path.Combine(specsDir, name), File.ReadAllText(Path.Combine(specsDir, name)), null, null, "Client,Server,Models", null), new OpenApiGen.Model.CompilationFeatures(true, true)).Spec!;
        var times = new List<double>();
        for (var i = 0; i < 16; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var unit in OpenApiGen.Emit.RenderPlanner.Plan(spec)) _ = OpenApiGen.Emit.SourceEmitter.Render(unit);
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: render min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms");
    }
    return;
}

if (args.Contains("--volume"))
{
    // Generated characters per spec and kind (what every consumer build compiles), for Client;Models and everything.
    foreach (var generate in new[] { "Client,Models", "Client,Server,Models" })
    {
        Console.WriteLine($"| spec ({generate}) | files | chars | enums | unions | records | client | server | json context | runtime (once per compilation, the parts it uses) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in specs)
        {
            var spec = OpenApiGen.Reading.SpecReader.Read(new OpenApiGen.Model.SpecInput(Path.Combine(specsDir, name), File.ReadAllText(Path.Combine(specsDir, name)), null, null, generate, null), new OpenApiGen.Model.CompilationFeatures(true, true)).Spec!;
            var byKind = new Dictionary<string, long>();
            var count = 0;
            foreach (var unit in OpenApiGen.Emit.RenderPlanner.Plan(spec))
            {
                var kind = unit.Kind switch
                {
                    OpenApiGen.Model.RenderKind.Model => unit.Model!.Kind.ToString(),
                    OpenApiGen.Model.RenderKind.JsonContext => "JsonContext",
                    var k when k.ToString().StartsWith("Server", StringComparison.Ordinal) || k.ToString().Contains("Controller") => "Server",
                    _ => "Client",
                };
                var text = OpenApiGen.Emit.SourceEmitter.Render(unit);
                byKind[kind] = byKind.GetValueOrDefault(kind) + text.Length;
                if (ArgValue("--dump") is { } dump)
                {
                    // The generated files as a consumer build sees them, for reading what the volume is made of.
                    var folder = Path.Combine(dump, name, generate.Replace(',', '-'));
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, unit.HintName), text);
                }
                count++;
            }
            var parts = OpenApiGen.Emit.RenderPlanner.Plan(spec).Aggregate(OpenApiGen.Emit.RuntimePart.None, (all, unit) => all | OpenApiGen.Emit.RuntimeSources.PartsFor(unit));
            var runtime = OpenApiGen.Emit.RuntimeSources.For(parts).Sum(f => (long)f.Text.Length);
            long Of(string k) => byKind.GetValueOrDefault(k);
            Console.WriteLine($"| {name} | {count} | {byKind.Values.Sum() + runtime:N0} | {Of("Enum"):N0} | {Of("Union"):N0} | {Of("Object"):N0} | {Of("Client"):N0} | {Of("Server"):N0} | {Of("JsonContext"):N0} | {runtime:N0} |");
        }
        Console.WriteLine();
    }
    return;
}

Console.WriteLine($"OpenApiGen build-time benchmark: {runs} timed runs after 1 warm-up, medians in ms; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| spec | size MB | (a) JsonDocument | (b) Microsoft.OpenApi | (c) OpenApiGen | (d) NSwag | c/a | c/b (target ≤ 2) | d/c (target ≥ 3) | files | kiota CLI s | (c) = read+model / render / driver+syntax trees |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var name in specs)
{
    var path = Path.Combine(specsDir, name);
    if (!File.Exists(path)) { Console.WriteLine($"| {name} | missing | | | | | | | | | | |"); continue; }
    var text = File.ReadAllText(path);
    var isJson = name.EndsWith(".json", StringComparison.Ordinal);
    var files = 0;

    // The floor: a plain JSON parse. YAML has no JsonDocument; SharpYaml's own loader is the YAML floor where it can read the file.
    double a;
    try
    {
        a = Median(runs, () =>
        {
            if (isJson) { using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 1024 }); }
            else { new SharpYaml.Serialization.YamlStream().Load(new StringReader(text)); }
        });
    }
    catch (Exception ex) when (!isJson)
    {
        Console.Error.WriteLine($"{name}: the YAML floor could not load the file ({ex.Message.Split('\n')[0]}); c/a is not reported.");
        a = double.NaN;
    }
    var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
    settings.AddYamlReader();
    var b = Median(runs, () => Microsoft.OpenApi.OpenApiDocument.Parse(text, isJson ? "json" : "yaml", settings));
    var c = Median(runs, () =>
    {
        var driver = CSharpGeneratorDriver.Create([new OpenApiGenerator().AsSourceGenerator()], [new Spec(path, text)], CSharpParseOptions.Default, new Options());
        var result = driver.RunGenerators(compilation).GetRunResult();
        files = result.GeneratedTrees.Length;
    });
    // Where (c) goes: reading into the model, rendering text, and the rest (the driver parsing every generated file).
    var input = new OpenApiGen.Model.SpecInput(path, text, null, null, "Client,Server,Models", null);
    var features = new OpenApiGen.Model.CompilationFeatures(true, true);
    OpenApiGen.Model.ApiSpec? model = null;
    var read = Median(runs, () => model = OpenApiGen.Reading.SpecReader.Read(input, features).Spec);
    var render = Median(runs, () =>
    {
        foreach (var unit in OpenApiGen.Emit.RenderPlanner.Plan(model!)) _ = OpenApiGen.Emit.SourceEmitter.Render(unit);
    });
    double d;
    try
    {
        d = Median(runs, () =>
        {
            var document = isJson
                ? NSwag.OpenApiDocument.FromJsonAsync(text).GetAwaiter().GetResult()
                : NSwag.OpenApiYamlDocument.FromYamlAsync(text).GetAwaiter().GetResult();
            _ = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile();
            _ = new CSharpControllerGenerator(document, new CSharpControllerGeneratorSettings()).GenerateFile();
        });
    }
    catch (Exception ex)
    {
        // A peer that cannot read the spec has no time to compare; say so instead of stopping the run.
        Console.Error.WriteLine($"{name}: NSwag failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        d = double.NaN;
    }
    var kiotaSeconds = kiota is null ? "not run" : TimeKiota(kiota, path);
    Console.WriteLine($"| {name} | {text.Length / 1e6:F1} | {a:F1} | {b:F1} | {c:F1} | {d:F1} | {c / a:F1} | {c / b:F2} {(c / b <= 2 ? "met" : "MISSED")} | {d / c:F2} {(d / c >= 3 ? "met" : "MISSED")} | {files} | {kiotaSeconds} | {read:F0} / {render:F0} / {c - read - render:F0} |");
}

static double Median(int runs, Action action)
{
    action();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static string TimeKiota(string kiota, string spec)
{
    var output = Directory.CreateTempSubdirectory("kiota-bench");
    try
    {
        var start = new ProcessStartInfo(kiota, ["generate", "-l", "CSharp", "-d", spec, "-o", output.FullName, "--clean-output", "--log-level", "Error"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "failed " + process.ExitCode;
    }
    finally
    {
        output.Delete(recursive: true);
    }
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenApiGen.sln"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

string? ArgValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

sealed class Spec(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

sealed class Options : AnalyzerConfigOptionsProvider
{
    private static readonly Values Generate = new(new() { ["build_metadata.AdditionalFiles.OpenApiGenerate"] = "Client,Server,Models", ["build_metadata.AdditionalFiles.OpenApiNamespace"] = "Bench.Api" });
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new());
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Generate;

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
