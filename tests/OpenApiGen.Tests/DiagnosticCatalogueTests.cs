using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Each bad-input case has its own located diagnostic, and the rest of the spec still generates and compiles.</summary>
public class DiagnosticCatalogueTests
{
    private static (IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> CompileErrors, GeneratorDriverRunResult Result) Run(string json)
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/case.json", json, "Case.Api", "Client;Server;AllModels"));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (result.Diagnostics, GeneratorHarness.CompileErrors(output), result);
    }

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal("/project/case.json", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    [Fact]
    public void Unsupported_version()
    {
        var (diagnostics, _, result) = Run("""{ "openapi": "4.0.0", "info": { "title": "x", "version": "1" }, "paths": {} }""");
        Assert.Equal(DiagnosticSeverity.Error, Single(diagnostics, "OAG011").Severity);
        Assert.Empty(GeneratorHarness.SpecTrees(result));
    }

    [Fact]
    public void Duplicate_operation_id_and_name_collision()
    {
        var (diagnostics, errors, _) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": {
            "/a": { "get": { "operationId": "list", "responses": { "204": { "description": "ok" } } } },
            "/a/b": { "get": { "operationId": "list", "responses": { "204": { "description": "ok" } } } }
          }
        }
        """);
        var duplicate = Single(diagnostics, "OAG012");
        Assert.Equal(4, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(diagnostics, d => d.Id == "OAG017" && d.GetMessage().Contains("List2"));
        Assert.Empty(errors);
    }

    [Fact]
    public void Path_parameters_that_do_not_match_the_template()
    {
        var (diagnostics, errors, result) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": {
            "/items/{id}": {
              "get": {
                "operationId": "getItem",
                "parameters": [ { "name": "other", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "204": { "description": "ok" } }
              }
            }
          }
        }
        """);
        Assert.Contains("'id'", Single(diagnostics, "OAG013").GetMessage());
        Assert.Contains("'other'", Single(diagnostics, "OAG014").GetMessage());
        Assert.Empty(errors);
        Assert.Contains("string id", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Client.Items.g.cs")).GetText().ToString());
    }

    [Fact]
    public void Parameter_without_schema_and_unknown_format_fall_back_with_warnings()
    {
        var (diagnostics, errors, _) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": {
            "/items": {
              "get": {
                "operationId": "list",
                "parameters": [ { "name": "q", "in": "query" }, { "name": "when", "in": "query", "schema": { "type": "string", "format": "stardate" } } ],
                "responses": { "204": { "description": "ok" } }
              }
            }
          }
        }
        """);
        Assert.Equal(DiagnosticSeverity.Warning, Single(diagnostics, "OAG015").Severity);
        Assert.Contains("stardate", Single(diagnostics, "OAG016").GetMessage());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Client;Server")]
    [InlineData("Client;MinimalApi")]
    public void Server_without_aspnetcore_is_skipped_with_a_warning(string generate)
    {
        var spec = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", generate);
        var netOnly = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("OpenApiGen", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Library", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }", Microsoft.CodeAnalysis.CSharp.CSharpParseOptions.Default.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview)) }, netOnly,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.CreateDriver(new[] { spec }).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics, d => d.Id == "OAG018").Severity);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.Contains("ControllerBase") || t.FilePath.Contains("HandlerBase") || t.FilePath.Contains("Endpoints"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Keyword_parameter_names_are_escaped_and_reported()
    {
        var (diagnostics, errors, _) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": { "/items": { "get": { "operationId": "list", "parameters": [ { "name": "class", "in": "query", "schema": { "type": "string" } } ], "responses": { "204": { "description": "ok" } } } } }
        }
        """);
        var info = Single(diagnostics, "OAG009");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("@class", info.GetMessage());
        Assert.Empty(errors);
    }

    [Fact]
    public void Unknown_type_falls_back_without_breaking_the_build()
    {
        var (diagnostics, errors, result) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": {},
          "components": { "schemas": { "Odd": { "type": "object", "properties": { "v": { "type": "quaternion" } } } } }
        }
        """);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Location.GetLineSpan().Path == "/project/case.json");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Models.Odd.g.cs"));
    }

    [Fact]
    public void Severities_follow_the_compilation_options()
    {
        // .editorconfig's dotnet_diagnostic.<id>.severity reaches the compiler as specific diagnostic options.
        var spec = new SpecFile("/project/case.json", """{ "openapi": "3.0.3", "info": { "title": "x", "version": "1" }, "paths": { "/a": { "get": { "operationId": "a", "parameters": [ { "name": "q", "in": "query" } ], "responses": { "204": { "description": "ok" } } } } } }""", "Case.Api", "Client");
        var compilation = GeneratorHarness.CreateCompilation("class C { }");
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["OAG015"] = ReportDiagnostic.Error }));
        GeneratorHarness.CreateDriver(new[] { spec }).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "OAG015").Severity);
    }

    [Fact]
    public void Ref_cycles_and_external_refs_are_reported_and_do_not_hang()
    {
        var (diagnostics, errors, result) = Run("""
        {
          "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
          "paths": {},
          "components": { "schemas": {
            "A": { "allOf": [ { "$ref": "#/components/schemas/B" }, { "type": "object", "properties": { "a": { "type": "string" } } } ] },
            "B": { "allOf": [ { "$ref": "#/components/schemas/A" }, { "type": "object", "properties": { "b": { "type": "string" } } } ] },
            "Loop": { "$ref": "#/components/schemas/Loop" },
            "User": { "type": "object", "properties": { "loop": { "$ref": "#/components/schemas/Loop" }, "ext": { "$ref": "other.json#/User" } } }
          } }
        }
        """);
        Assert.Contains(diagnostics, d => d.Id == "OAG008" && d.GetMessage().Contains("other.json"));
        Assert.Contains(diagnostics, d => d.Id == "OAG007" && d.GetMessage().Contains("Loop"));
        Assert.Empty(errors);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Models.A.g.cs"));
    }
}

public class YamlLocationTests
{
    [Fact]
    public void Diagnostics_in_yaml_specs_point_at_the_node()
    {
        const string yaml = """
        openapi: 3.0.3
        info: { title: x, version: "1" }
        paths:
          /things:
            get:
              operationId: list
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Missing'
        """;
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/case.yaml", yaml, "Case.Api", "Client;Models"));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "OAG008");
        var span = error.Location.GetLineSpan();
        Assert.Equal("/project/case.yaml", span.Path);
        Assert.Equal(12, span.StartLinePosition.Line); // zero-based: the "$ref:" line
    }
}
