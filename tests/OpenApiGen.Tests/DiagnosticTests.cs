using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Bad input becomes located OAG diagnostics; nothing escapes and other specs still generate.</summary>
public class DiagnosticTests
{
    private const string BrokenJson = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"Broken\" \"version\": \"1\" },\n  \"paths\": {}\n}\n";

    [Fact]
    public void Broken_json_is_one_located_error_and_other_specs_still_generate()
    {
        var broken = new SpecFile("/project/broken.json", BrokenJson, "Broken.Api");
        var seed = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Client;Server;Models");

        var (result, output) = GeneratorHarness.Run(broken, seed);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("OAG001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var span = error.Location.GetLineSpan();
        Assert.Equal("/project/broken.json", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line); // zero-based: the third line holds the missing comma
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("OpenHandsClient.g.cs"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public void Json_that_is_not_openapi_but_marked_as_spec_is_skipped_with_an_info()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/settings.json", "{ \"Logging\": { \"openapi\": 1 } }", Generate: "Models"));
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("OAG002", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Empty(GeneratorHarness.SpecTrees(result));
    }

    [Fact]
    public void Unrelated_json_files_are_ignored_silently()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/appsettings.json", "{ \"Logging\": { \"LogLevel\": \"Debug\" } }"));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.SpecTrees(result));
    }

    [Fact]
    public void Unresolved_ref_is_an_error_at_the_ref_and_the_rest_still_compiles()
    {
        const string spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Refs", "version": "1" },
          "paths": {
            "/things": {
              "get": {
                "operationId": "listThings",
                "responses": {
                  "200": {
                    "description": "ok",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Missing" } } }
                  }
                }
              }
            }
          },
          "components": { "schemas": { "Thing": { "type": "object", "properties": { "id": { "type": "string" } } } } }
        }
        """;
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/refs.json", spec, "Refs.Api", "Client;AllModels"));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "OAG008");
        Assert.Equal(10, error.Location.GetLineSpan().StartLinePosition.Line); // zero-based: the line holding the $ref
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Models.Thing.g.cs"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public void Unknown_generate_value_is_reported()
    {
        var seed = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Clint,Models");
        var (result, _) = GeneratorHarness.Run(seed);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("OAG006", warning.Id);
        Assert.Contains("Clint", warning.GetMessage());
    }

    [Fact]
    public void The_validator_findings_that_real_specs_have_are_located_warnings_without_the_validation_walk()
    {
        // Reading turns OpenAPI.NET's validation walk off; these are the three findings it had across the corpus.
        const string spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Lint", "version": "1" },
          "paths": {
            "/a/{id}": {
              "get": { "operationId": "getA", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {
                  "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                  "discriminator": { "propertyName": "kind" } } } } } } }
            },
            "/a/{key}": {
              "put": { "operationId": "putA", "parameters": [ { "name": "key", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {} }
            }
          },
          "components": { "schemas": {
            "Cat": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Dog": { "type": "object", "properties": { "bark": { "type": "string" } } } } }
        }
        """;
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/lint.json", spec, "Lint.Api", "Client;Models"));

        var warnings = result.Diagnostics.Where(d => d.Id == "OAG004").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains("discriminator kind", warnings[0].GetMessage());
        Assert.Equal(8, warnings[0].Location.GetLineSpan().StartLinePosition.Line); // zero-based: the discriminator
        Assert.Equal("The path signature '/a/{}' MUST be unique.", warnings[1].GetMessage());
        Assert.Equal(10, warnings[1].Location.GetLineSpan().StartLinePosition.Line); // the second path
        Assert.Equal("Responses must contain at least one response", warnings[2].GetMessage());
        Assert.Equal(12, warnings[2].Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Yaml_diagnostics_are_located_at_their_nodes_and_a_missing_node_at_its_nearest_ancestor()
    {
        // Only the reported pointers are walked in the YAML tree: each lands on its own node, or the nearest one that exists.
        const string spec = """
        openapi: 3.0.3
        info: { title: Lint, version: "1" }
        paths:
          /a/{id}:
            get:
              operationId: getA
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Nope' } ]
                        discriminator: { propertyName: kind }
          /a/{key}:
            put:
              operationId: putA
              parameters:
                - { name: key, in: path, required: true, schema: { type: string } }
              responses: {}
        components:
          schemas:
            Cat: { type: object, properties: { name: { type: string } } }
        """;
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/lint.yaml", spec, "Lint.Api", "Client;Models"));

        var lines = result.Diagnostics.Where(d => d.Id is "OAG004" or "OAG008")
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().Path))
            .OrderBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.All(lines, d => Assert.Equal("/project/lint.yaml", d.Path));
        // The $ref to a missing schema, the discriminator nothing requires, the second path, the empty responses.
        Assert.Contains(("OAG008", 14), lines.Select(d => (d.Id, d.Line)));
        Assert.Contains(("OAG004", 15), lines.Select(d => (d.Id, d.Line)));
        Assert.Contains(("OAG004", 16), lines.Select(d => (d.Id, d.Line)));
        Assert.Contains(("OAG004", 21), lines.Select(d => (d.Id, d.Line)));
    }
}
