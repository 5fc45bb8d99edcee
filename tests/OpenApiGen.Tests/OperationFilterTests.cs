using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Issue 11: OpenApiInclude / OpenApiExclude choose the operations; only the schemas those reach are generated.</summary>
public class OperationFilterTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Filter, version: "1" }
    paths:
      /api/conversations:
        get:
          operationId: listConversations
          tags: [Conversations]
          responses: { "200": { description: All., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Conversation' } } } } } }
      /api/conversations/{id}:
        delete:
          operationId: deleteConversation
          tags: [Conversations]
          parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
          responses: { "200": { description: Done., content: { application/json: { schema: { type: boolean } } } } }
      /api/settings:
        get:
          operationId: getSettings
          tags: [Settings]
          responses: { "200": { description: Settings., content: { application/json: { schema: { $ref: '#/components/schemas/Settings' } } } } }
      /health:
        get:
          operationId: health
          responses: { "204": { description: Alive. } }
    components:
      schemas:
        Conversation: { type: object, properties: { id: { type: string } } }
        Settings: { type: object, properties: { theme: { $ref: '#/components/schemas/Theme' } } }
        Theme: { type: string, enum: [light, dark] }
    """;

    private static (string[] Methods, string[] Models, IReadOnlyList<Diagnostic> Diagnostics) Generate(string? include, string? exclude, IReadOnlyDictionary<string, string>? project = null)
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/filter.yaml", Spec, "Filter.Api", "Client;Server;Models", Include: include, Exclude: exclude, Project: project));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var client = output.GetTypeByMetadataName("Filter.Api.FilterClient")!;
        var methods = client.GetTypeMembers()
            .Where(t => t.TypeKind == TypeKind.Class)
            .SelectMany(g => g.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => g.Name + "." + m.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var models = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath))
            .Where(n => n.StartsWith("Filter.Api.Models.", StringComparison.Ordinal))
            .Select(n => n["Filter.Api.Models.".Length..^".g.cs".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        return (methods, models, result.Diagnostics);
    }

    [Fact]
    public void Without_a_filter_every_operation_and_the_schemas_they_use_generate()
    {
        var (methods, models, diagnostics) = Generate(null, null);
        Assert.Equal(["ConversationsClient.DeleteConversationAsync", "ConversationsClient.ListConversationsAsync", "HealthClient.HealthAsync", "SettingsClient.GetSettingsAsync"], methods);
        Assert.Equal(["Conversation", "Settings", "Theme"], models);
        Assert.DoesNotContain(diagnostics, d => d.Id is "OAG006" or "OAG019");
    }

    [Fact]
    public void Include_by_path_glob_keeps_only_those_operations_and_their_schemas()
    {
        var (methods, models, diagnostics) = Generate("path:/api/conversations/**;path:/api/conversations", null);
        Assert.Equal(["ConversationsClient.DeleteConversationAsync", "ConversationsClient.ListConversationsAsync"], methods);
        Assert.Equal(["Conversation"], models);
        Assert.DoesNotContain(diagnostics, d => d.Id == "OAG019");
    }

    [Fact]
    public void A_single_star_stays_within_one_path_segment()
    {
        var (methods, _, _) = Generate("path:/api/*", null);
        Assert.Equal(["ConversationsClient.ListConversationsAsync", "SettingsClient.GetSettingsAsync"], methods);
    }

    [Fact]
    public void Include_by_tag_and_operation_minus_exclude()
    {
        var (methods, models, _) = Generate("tag:Settings;operation:health;tag:Conversations", "operation:deleteConversation");
        Assert.Equal(["ConversationsClient.ListConversationsAsync", "HealthClient.HealthAsync", "SettingsClient.GetSettingsAsync"], methods);
        Assert.Equal(["Conversation", "Settings", "Theme"], models);
    }

    [Fact]
    public void A_pattern_that_matches_nothing_or_is_malformed_is_a_warning_naming_it()
    {
        var (methods, _, diagnostics) = Generate("tag:Settings;tag:settings;bogus", "path:/nowhere/**");
        Assert.Equal(["SettingsClient.GetSettingsAsync"], methods);
        var unmatched = diagnostics.Where(d => d.Id == "OAG019").Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, unmatched.Length);
        Assert.Contains("'path:/nowhere/**' in OpenApiExclude", unmatched[0]);
        Assert.Contains("'tag:settings' in OpenApiInclude", unmatched[1]);
        Assert.All(diagnostics.Where(d => d.Id == "OAG019"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(diagnostics, d => d.Id == "OAG006" && d.GetMessage().Contains("'bogus'"));
    }

    [Fact]
    public void Project_properties_are_defaults_that_an_item_overrides()
    {
        var (methods, _, _) = Generate(null, null, new Dictionary<string, string> { ["OpenApiInclude"] = "tag:Settings" });
        Assert.Equal(["SettingsClient.GetSettingsAsync"], methods);
        // The item's own list wins over the project's.
        (methods, _, _) = Generate("operation:health", null, new Dictionary<string, string> { ["OpenApiInclude"] = "tag:Settings" });
        Assert.Equal(["HealthClient.HealthAsync"], methods);
    }

    [Fact]
    public void A_project_wide_pattern_that_matches_nothing_in_this_spec_is_not_reported()
    {
        // The project's list is meant for every spec; another spec of the project may be the one with the tag.
        var (methods, _, diagnostics) = Generate(null, null, new Dictionary<string, string> { ["OpenApiExclude"] = "tag:Internal;tag:Settings" });
        Assert.DoesNotContain(methods, m => m.StartsWith("SettingsClient", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "OAG019");
    }

    [Fact]
    public void A_project_default_does_not_make_other_json_files_specs()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/appsettings.json", """{ "Logging": { "LogLevel": "Warning" } }""",
            Project: new Dictionary<string, string> { ["OpenApiGenerate"] = "Client,Models", ["OpenApiNamespace"] = "X" }));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.SpecTrees(result));
    }
}
