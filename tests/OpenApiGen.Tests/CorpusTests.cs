using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace OpenApiGen.Tests;

/// <summary>
/// Every real spec in ../shared/specs through the generator (Client;Server;Models) and the C# compiler.
/// Writes a table per spec to the test output and to artifacts/test-results/corpus.md.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(TestPaths.SharedSpecs))
        {
            data.Add("<missing>");
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(TestPaths.SharedSpecs).Where(IsSpec).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [SharedSpecsTheory]
    [MemberData(nameof(Specs))]
    public void Spec_generates_and_compiles(string name) => GeneratesAndCompiles(name, "Client;Server;Models");

    /// <summary>Issue 12: the minimal-API server, the webhook and callback receivers and the sender compile for every spec too.</summary>
    [SharedSpecsTheory]
    [MemberData(nameof(Specs))]
    public void Spec_generates_and_compiles_as_a_minimal_api_with_webhooks(string name) => GeneratesAndCompiles(name, "Client;MinimalApi;Webhooks;Models");

    private void GeneratesAndCompiles(string name, string generate)
    {
        var path = Path.Combine(TestPaths.SharedSpecs, name);
        var spec = new SpecFile("/specs/" + name, File.ReadAllText(path), "Corpus." + Naming.Identifier.Pascal(Path.GetFileNameWithoutExtension(name)), generate);

        var watch = Stopwatch.StartNew();
        var (result, compilation) = GeneratorHarness.Run(spec);
        var generationMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var compileErrors = GeneratorHarness.CompileErrors(compilation);
        var compileMs = watch.ElapsedMilliseconds;

        var generatorErrors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var exceptions = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        var warnings = string.Join(" ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + "×" + g.Count()));
        var types = result.GeneratedTrees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax));
        var operations = result.GeneratedTrees.Where(t => t.FilePath.Contains("Client.") && !t.FilePath.EndsWith("Client.g.cs"))
            // One per operation: the ...WithResponseAsync twins (operations documenting success headers) are not counted again.
            .Sum(t => t.GetText().Lines.Count(l => l.ToString().Contains("public async ", StringComparison.Ordinal) && !l.ToString().Contains("WithResponseAsync(", StringComparison.Ordinal)));
        var row = string.Create(CultureInfo.InvariantCulture, $"| {name} ({generate}) | {operations} | {types} | {(warnings.Length == 0 ? "-" : warnings)} | {generationMs} | {compileMs} | {exceptions.Count} | {generatorErrors.Count} | {compileErrors.Count} |");
        output.WriteLine("| spec | operations | types | warnings | generation ms | compile ms | exceptions | generator errors | compile errors |");
        output.WriteLine(row);
        AppendRow(row);

        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        Assert.True(generatorErrors.Count == 0, string.Join("\n", generatorErrors.Take(20)));
        Assert.True(compileErrors.Count == 0, compileErrors.Count + " compile errors, first: \n" + string.Join("\n", compileErrors.Take(20)));
    }

    private static bool IsSpec(string file) => file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal);

    private static readonly object Gate = new();

    private static void AppendRow(string row)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "corpus.md");
        lock (Gate)
        {
            if (!File.Exists(file)) File.WriteAllText(file, "| spec | operations | types | warnings | generation ms | compile ms | exceptions | generator errors | compile errors |\n|---|---|---|---|---|---|---|---|---|\n", Encoding.UTF8);
            File.AppendAllText(file, row + "\n", Encoding.UTF8);
        }
    }
}

/// <summary>A theory that is reported as skipped, never passed, when ../shared/specs is absent.</summary>
public sealed class SharedSpecsTheoryAttribute : TheoryAttribute
{
    public SharedSpecsTheoryAttribute()
    {
        if (!Directory.Exists(TestPaths.SharedSpecs)) Skip = "../shared/specs is absent: the corpus cannot run here.";
    }
}
