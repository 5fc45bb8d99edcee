using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiGen.Model;

namespace OpenApiGen.Tests;

/// <summary>A second run after an unrelated edit must reuse every step; models must hold no Roslyn objects.</summary>
public class IncrementalTests
{
    private static readonly string[] Tracked =
    {
        TrackingNames.SpecInputs, TrackingNames.Features, TrackingNames.Specs, TrackingNames.Diagnostics, TrackingNames.RenderUnits,
    };

    [Theory]
    [InlineData("openhands-delete-conversation.json", "Client;Server;Models")]
    [InlineData("ticker.yaml", "Client;Server;MinimalApi;Webhooks;Models")]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged(string file, string generate)
    {
        var spec = SpecFile.FromRepo(file, "Consumer.Api", generate);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class Marker { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.True(first.GeneratedSources.Length > 0);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class Unrelated { public static int X => 1; } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();

        foreach (var name in Tracked)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), "step " + name + " is not tracked");
            foreach (var step in second.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason} after an unrelated edit");
                }
            }
        }
        foreach (var step in second.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            foreach (var (_, reason) in step.Outputs) Assert.Equal(IncrementalStepRunReason.Cached, reason);
        }
    }

    [Fact]
    public void With_an_overlay_an_unrelated_edit_is_cached_and_an_overlay_edit_rereads_its_spec()
    {
        const string spec = """
        openapi: 3.0.3
        info: { title: Pets, version: "1" }
        paths:
          /pets: { get: { operationId: listPets, responses: { "204": { description: None. } } } }
        """;
        const string overlay = """
        overlay: 1.0.0
        actions:
          - target: $.paths['/pets'].get
            update: { summary: Lists pets. }
        """;
        var files = new[]
        {
            new SpecFile("/project/pets.yaml", spec, "Pets.Api", "Client;Models"),
            new SpecFile("/project/pets.overlay.yaml", overlay, Metadata: new Dictionary<string, string> { ["OpenApiOverlay"] = "pets.yaml" }),
        };
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class Marker { } }");
        var texts = files.Select(f => (AdditionalText)new GeneratorHarness.InMemoryAdditionalText(f.Path, f.Text)).ToArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()], texts, (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            GeneratorHarness.CreateOptions(files), new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);
        foreach (var name in Tracked.Append(TrackingNames.Overlays))
        {
            foreach (var (_, reason) in driver.GetRunResult().Results.Single().TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason} after an unrelated edit");
            }
        }

        driver = driver.ReplaceAdditionalText(texts[1], new GeneratorHarness.InMemoryAdditionalText(texts[1].Path, overlay.Replace("Lists pets.", "Lists all pets."))).RunGenerators(edited);
        var specs = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(specs, o => o.Reason == IncrementalStepRunReason.Modified);
        var client = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("PetsClient.Pets.g.cs", StringComparison.Ordinal) || t.FilePath.EndsWith("PetsClient.PetsOperations.g.cs", StringComparison.Ordinal));
        Assert.Contains("Lists all pets.", client.ToString());
    }

    [Fact]
    public void Tracked_outputs_hold_no_roslyn_symbols_compilations_syntax_or_locations()
    {
        var spec = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Client;Server;Models");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation("class C { }"));
        var result = driver.GetRunResult().Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedValues = 0;
        foreach (var name in Tracked)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertClean(value, name, visited);
                    checkedValues++;
                }
            }
        }
        Assert.True(checkedValues > 5, "too few values walked: " + checkedValues);
        Assert.Contains(visited, o => o is ApiSpec);
        Assert.Contains(visited, o => o is RenderUnit);
    }

    private static void AssertClean(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !visited.Add(value)) return;
        var type = value.GetType();
        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location or AdditionalText or SemanticModel,
            $"{path} holds a {type.FullName}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertClean(item, path + "[" + i++ + "]", visited);
            if (value is Array) return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertClean(field.GetValue(value), path + "." + field.Name, visited);
        }
    }
}
