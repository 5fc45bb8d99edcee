using System.Text;
using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Edits re-render only the files they touch: output is split per model, per client group and per controller.</summary>
public class SelectiveRenderingTests
{
    /// <summary>A synthetic spec: 500 operations in 25 tags over 100 schemas.</summary>
    private static string LargeSpec(string description)
    {
        var sb = new StringBuilder();
        sb.Append("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Big\",\"version\":\"1\"},\"paths\":{");
        for (var i = 0; i < 500; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append($"\"/r{i}/{{id}}\":{{\"get\":{{\"operationId\":\"op{i}\",\"tags\":[\"tag{i % 25}\"],\"parameters\":[{{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{{\"type\":\"string\"}}}}],");
            sb.Append($"\"responses\":{{\"200\":{{\"description\":\"ok\",\"content\":{{\"application/json\":{{\"schema\":{{\"$ref\":\"#/components/schemas/Model{i % 100}\"}}}}}}}}}}}}}}");
        }
        sb.Append("},\"components\":{\"schemas\":{");
        for (var m = 0; m < 100; m++)
        {
            if (m > 0) sb.Append(',');
            var text = m == 42 ? description : "Model number " + m;
            sb.Append($"\"Model{m}\":{{\"type\":\"object\",\"description\":\"{text}\",\"properties\":{{\"id\":{{\"type\":\"string\"}},\"next\":{{\"$ref\":\"#/components/schemas/Model{(m + 1) % 100}\"}}}}}}");
        }
        sb.Append("}}}");
        return sb.ToString();
    }

    private static Dictionary<IncrementalStepRunReason, int> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>A driver that tracks steps, after its first run over the one spec.</summary>
    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Spec) FirstRun(SpecFile spec)
    {
        var compilation = GeneratorHarness.CreateCompilation("class C { }");
        var original = new Text(spec.Path, spec.Text);
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new AdditionalText[] { original },
            (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            GeneratorHarness.CreateOptions(new[] { spec }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver.RunGenerators(compilation), compilation, original);
    }

    [Fact]
    public void Editing_one_schema_description_re_renders_only_that_model()
    {
        var before = new SpecFile("/project/big.json", LargeSpec("The answer"), "Big.Api", "Client;Server;Models");
        var (driver, compilation, original) = FirstRun(before);
        var files = GeneratorHarness.SpecTrees(driver.GetRunResult()).Count();
        Assert.True(files > 150, "expected many files, got " + files);

        var after = before with { Text = LargeSpec("The answer, edited") };
        driver = driver.ReplaceAdditionalText(original, new Text(after.Path, after.Text)).RunGenerators(compilation);

        var units = Reasons(driver, TrackingNames.RenderUnits);
        Assert.Equal(1, units.GetValueOrDefault(IncrementalStepRunReason.Modified));
        Assert.Equal(files - 1, units.GetValueOrDefault(IncrementalStepRunReason.Unchanged) + units.GetValueOrDefault(IncrementalStepRunReason.Cached));
        var changed = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.True(changed <= 2, "outputs re-rendered: " + changed); // the edited model (and the diagnostics output, which is empty)
        Assert.Contains("The answer, edited", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Models.Model42.g.cs")).GetText().ToString());
    }

    private static string Hierarchy(string description) => """
        openapi: 3.1.0
        info: { title: Zoo, version: "1" }
        paths: {}
        components:
          schemas:
            Animal: { type: object, properties: { name: { type: string, description: "DESCRIPTION" } } }
            Bird:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - { type: object, properties: { wingspan: { type: number } } }
        """.Replace("DESCRIPTION", description, StringComparison.Ordinal);

    [Fact]
    public void Editing_a_base_property_description_leaves_the_derived_record_cached()
    {
        var before = new SpecFile("/project/zoo.yaml", Hierarchy("The name"), "Zoo.Api", "Models");
        var (driver, compilation, original) = FirstRun(before);
        driver = driver.ReplaceAdditionalText(original, new Text(before.Path, Hierarchy("The animal's name"))).RunGenerators(compilation);

        var modified = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.RenderUnits]
            .SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((Model.RenderUnit)o.Value).HintName).ToList();
        Assert.Equal(new[] { "Zoo.Api.Models.Animal.g.cs" }, modified);
    }

    [Fact]
    public void Changing_one_specs_metadata_leaves_the_other_specs_outputs_cached()
    {
        var seed = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Client;Server;Models");
        var other = new SpecFile("/project/big.json", LargeSpec("x"), "Big.Api", "Client;Models");
        var compilation = GeneratorHarness.CreateCompilation("class C { }");
        var driver = GeneratorHarness.CreateDriver(new[] { seed, other }).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.CreateOptions(new[] { seed with { Namespace = "OpenHands.Renamed" }, other })).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var units = result.TrackedSteps[TrackingNames.RenderUnits].SelectMany(s => s.Outputs).ToList();
        var big = units.Where(o => ((Model.RenderUnit)o.Value).HintName.StartsWith("Big.Api.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(big);
        Assert.All(big, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(units, o => ((Model.RenderUnit)o.Value).HintName.StartsWith("OpenHands.Renamed.", StringComparison.Ordinal) && o.Reason != IncrementalStepRunReason.Unchanged);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("OpenHands.Renamed.OpenHandsClient.g.cs"));
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
