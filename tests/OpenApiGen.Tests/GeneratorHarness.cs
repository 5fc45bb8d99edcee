using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiGen.Tests;

/// <summary>A spec as the compiler hands it to the generator: path, text and item metadata.</summary>
/// <remarks><see cref="Project"/>: MSBuild properties of the consuming project (build_property.*), e.g. project-wide option defaults;
/// <see cref="Metadata"/>: any other item metadata (build_metadata.AdditionalFiles.*).</remarks>
public sealed record SpecFile(string Path, string Text, string? Namespace = null, string? Generate = null, string? ClientName = null,
    string? Include = null, string? Exclude = null, IReadOnlyDictionary<string, string>? Project = null, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static SpecFile FromRepo(string name, string? ns = null, string? generate = null) =>
        new("/project/" + name, File.ReadAllText(TestPaths.Spec(name)), ns, generate);
}

/// <summary>Runs the generator in memory with CSharpGeneratorDriver, the fast test layer.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !Path.GetFileName(p).StartsWith("OpenApiGen", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> NetAndAspNetCore => References.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path: "Source" + i + ".cs")),
        NetAndAspNetCore,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs) => CSharpGeneratorDriver.Create(
        new[] { new OpenApiGenerator().AsSourceGenerator() },
        specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
        CreateOptions(specs),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AnalyzerConfigOptionsProvider CreateOptions(IEnumerable<SpecFile> specs) => new OptionsProvider(specs.ToArray());

    /// <summary>Runs once; returns the result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params SpecFile[] specs)
    {
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(CreateCompilation("namespace Consumer { public static class Marker { } }"), out var output, out _);
        return (driver.GetRunResult(), WithNullableWarnings(output));
    }

    /// <summary>
    /// Generated files turn nullable warnings off for users' builds (the analysis costs a fifth of a big client's compile);
    /// tests compile them with the warnings on, so generated code stays free of them.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation compilation) =>
        compilation.SyntaxTrees.Where(t => t.GetText().ToString().Contains(NoNullableWarnings)).Aggregate(compilation, (current, tree) =>
            current.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.GetText().ToString().Replace(NoNullableWarnings, "#nullable enable warnings\n"), System.Text.Encoding.UTF8))));

    private const string NoNullableWarnings = "#nullable disable warnings\n";

    /// <summary>Generates from the spec, compiles the output with the given extra sources and loads the assembly.</summary>
    public static System.Reflection.Assembly CompileAndLoad(SpecFile spec, string loadContextName, bool collectible, params string[] extraSources)
    {
        var (result, compilation) = Run(spec);
        Assert.Empty(result.Diagnostics);
        return Load(compilation, loadContextName, collectible, extraSources);
    }

    /// <summary>Compiles generated output with the given extra sources and loads the assembly.</summary>
    public static System.Reflection.Assembly Load(Compilation compilation, string loadContextName, bool collectible, params string[] extraSources)
    {
        var options = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        compilation = compilation.AddSyntaxTrees(extraSources.Select(s => CSharpSyntaxTree.ParseText(s, options)));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(loadContextName, collectible).LoadFromStream(stream);
    }

    /// <summary>The trees generated from specs: without the runtime/ files and the embedded attribute every compilation gets.</summary>
    public static IEnumerable<SyntaxTree> SpecTrees(GeneratorDriverRunResult result) => result.GeneratedTrees.Where(t =>
        !Path.GetFileName(t.FilePath).StartsWith("OpenApiGen.Runtime.", StringComparison.Ordinal)
        && !Path.GetFileName(t.FilePath).StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal));

    public static IReadOnlyList<Diagnostic> CompileErrors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(SpecFile[] specs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(
            specs.SelectMany(s => s.Project ?? new Dictionary<string, string>())
                .Select(p => KeyValuePair.Create("build_property." + p.Key, p.Value))
                .Append(KeyValuePair.Create("build_property.RootNamespace", "Consumer"))
                .DistinctBy(p => p.Key)
                .ToDictionary());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var spec = specs.FirstOrDefault(s => s.Path == textFile.Path);
            var values = new Dictionary<string, string>();
            if (spec?.Namespace is { } ns) values["build_metadata.AdditionalFiles.OpenApiNamespace"] = ns;
            if (spec?.Generate is { } generate) values["build_metadata.AdditionalFiles.OpenApiGenerate"] = generate;
            if (spec?.ClientName is { } client) values["build_metadata.AdditionalFiles.OpenApiClientName"] = client;
            if (spec?.Include is { } include) values["build_metadata.AdditionalFiles.OpenApiInclude"] = include;
            if (spec?.Exclude is { } exclude) values["build_metadata.AdditionalFiles.OpenApiExclude"] = exclude;
            foreach (var pair in spec?.Metadata ?? new Dictionary<string, string>()) values["build_metadata.AdditionalFiles." + pair.Key] = pair.Value;
            return new Options(values);
        }
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
