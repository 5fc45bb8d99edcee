using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiGen.Cli;

/// <summary>
/// Runs the real incremental generator through Roslyn's driver, as a build does: same reading, same files, same
/// diagnostics. The compilation references the shared frameworks the tool runs on (ASP.NET Core only for Server), so
/// the DI registration (Microsoft.Extensions.Http) and, when asked, the server generate.
/// </summary>
internal sealed record GeneratorRun(IReadOnlyList<(string HintName, string Text)> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static GeneratorRun? Run(string specPath, string? ns, string? clientName, string generate, string? include, string? exclude)
    {
        if (!File.Exists(specPath))
        {
            Console.Error.WriteLine($"{specPath}: file not found");
            return null;
        }
        var metadata = new Dictionary<string, string> { ["OpenApiGenerate"] = generate.Replace(';', ',') };
        if (ns is not null) metadata["OpenApiNamespace"] = ns;
        if (clientName is not null) metadata["OpenApiClientName"] = clientName;
        if (include is not null) metadata["OpenApiInclude"] = include;
        if (exclude is not null) metadata["OpenApiExclude"] = exclude;

        // ASP.NET Core only when the server is asked for: client files then need no more than Microsoft.Extensions.Http.
        var server = generate.Split(';', ',').Any(p => p.Trim().Equals("Server", StringComparison.OrdinalIgnoreCase));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !Path.GetFileName(p).StartsWith("OpenApiGen", StringComparison.Ordinal))
            .Where(p => server || !Path.GetFileName(p).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("OpenApiGenCli", [], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var spec = new SpecText(Path.GetFullPath(specPath));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()], [spec], CSharpParseOptions.Default, new Options(metadata));
        var result = driver.RunGenerators(compilation).GetRunResult();
        var files = result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        return new GeneratorRun(files, result.Diagnostics);
    }

    private sealed class SpecText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options(Dictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _item = new(metadata.ToImmutableDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _item;
    }

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
