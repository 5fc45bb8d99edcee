using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>The OpenHands seed operation: exact names, snapshots of every generated file, and a clean compile.</summary>
public class SeedTests
{
    private static readonly SpecFile Seed = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Client;Server;Models");

    [Fact]
    public void Generates_the_expected_files()
    {
        var (result, _) = GeneratorHarness.Run(Seed);
        var names = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            // The embedded attribute, and the runtime/ files the output uses, once per compilation (the seed has no enum).
            "Microsoft.CodeAnalysis.EmbeddedAttribute.cs",
            "OpenApiGen.Runtime.Http.g.cs",
            "OpenApiGen.Runtime.JsonRecords.g.cs",
            "OpenApiGen.Runtime.Redirects.g.cs",
            "OpenApiGen.Runtime.Unions.g.cs",
            "OpenHands.Api.ConversationsControllerBase.g.cs",
            "OpenHands.Api.Models.HTTPValidationError.g.cs",
            "OpenHands.Api.Models.ValidationError.g.cs",
            "OpenHands.Api.Models.ValidationErrorLocItem.g.cs",
            "OpenHands.Api.OpenHandsClient.Conversations.g.cs",
            "OpenHands.Api.OpenHandsClient.g.cs",
            "OpenHands.Api.OpenHandsJsonContext.g.cs",
            "OpenHands.Api.OpenHandsSecurity.g.cs",
            "OpenHands.Api.OpenHandsServerInput.g.cs",
        }, names);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Output_matches_approved_snapshots()
    {
        var (result, _) = GeneratorHarness.Run(Seed);
        // runtime/ is plain C# in the repo, compiled and tested as such; the snapshots hold what the spec generates.
        Snapshot.MatchAll("Seed", GeneratorHarness.SpecTrees(result)
            .OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .Select(t => (Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(t.FilePath)), t.GetText().ToString())));
    }

    [Fact]
    public void Output_compiles_without_errors_or_warnings_against_net10_and_aspnetcore()
    {
        var (_, output) = GeneratorHarness.Run(Seed);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Public_api_has_the_names_the_issue_asks_for()
    {
        var (_, output) = GeneratorHarness.Run(Seed);
        var controller = output.GetTypeByMetadataName("OpenHands.Api.ConversationsControllerBase")!;
        var delete = Assert.Single(controller.GetMembers("DeleteConversation").OfType<IMethodSymbol>());
        Assert.True(delete.IsAbstract);
        Assert.Equal("System.Threading.Tasks.Task<OpenHands.Api.DeleteConversationResult>", delete.ReturnType.ToDisplayString());
        Assert.Equal(new[] { "string conversationId", "System.Threading.CancellationToken cancellationToken" }, delete.Parameters.Select(p => p.ToDisplayString()));
        var route = delete.GetAttributes().Single(a => a.AttributeClass!.Name == "HttpDeleteAttribute");
        Assert.Equal("api/conversations/{conversation_id}", route.ConstructorArguments[0].Value);
        var produces = delete.GetAttributes().Where(a => a.AttributeClass!.Name == "ProducesResponseTypeAttribute").Select(a => a.AttributeClass!.ToDisplayString() + ":" + a.ConstructorArguments[0].Value).ToArray();
        Assert.Equal(new[] { "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute<bool>:200", "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute<OpenHands.Api.HTTPValidationError>:422" }, produces);

        var result = output.GetTypeByMetadataName("OpenHands.Api.DeleteConversationResult")!;
        var factories = result.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsStatic && m.MethodKind == MethodKind.Ordinary).Select(m => m.ToDisplayString()).OrderBy(s => s).ToArray();
        Assert.Equal(new[] { "OpenHands.Api.DeleteConversationResult.Ok(bool)", "OpenHands.Api.DeleteConversationResult.UnprocessableEntity(OpenHands.Api.HTTPValidationError)" }, factories);
        Assert.Contains(result.GetMembers().OfType<IMethodSymbol>(), m => m.MethodKind == MethodKind.Conversion && m.Parameters[0].Type.SpecialType == SpecialType.System_Boolean);
        Assert.DoesNotContain(result.Constructors, c => c.DeclaredAccessibility == Accessibility.Public);

        var client = output.GetTypeByMetadataName("OpenHands.Api.OpenHandsClient")!;
        Assert.Contains(client.Constructors, c => c.Parameters.Select(p => p.Type.Name).SequenceEqual(new[] { "HttpClient", "OpenHandsClientOptions" }));
        var conversations = (INamedTypeSymbol)((IPropertySymbol)client.GetMembers("Conversations").Single()).Type;
        var deleteAsync = (IMethodSymbol)conversations.GetMembers("DeleteConversationAsync").Single();
        Assert.Equal("System.Threading.Tasks.Task<bool>", deleteAsync.ReturnType.ToDisplayString());
        Assert.True(deleteAsync.Parameters[1].HasExplicitDefaultValue);

        var options = output.GetTypeByMetadataName("OpenHands.Api.OpenHandsClientOptions")!;
        Assert.NotEmpty(options.GetMembers("APIKeyHeader"));
        var extension = output.GetTypeByMetadataName("OpenHands.Api.OpenHandsClientServiceCollectionExtensions")!;
        Assert.Equal("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", ((IMethodSymbol)extension.GetMembers("AddOpenHandsClient").Single()).ReturnType.ToDisplayString());
        Assert.NotNull(output.GetTypeByMetadataName("OpenHands.Api.OpenHandsApiException`1"));

        var error = output.GetTypeByMetadataName("OpenHands.Api.ValidationError")!;
        foreach (var name in new[] { "Loc", "Msg", "Type" }) Assert.True(((IPropertySymbol)error.GetMembers(name).Single()).IsRequired, name + " is required");
        var loc = (INamedTypeSymbol)((IPropertySymbol)error.GetMembers("Loc").Single()).Type;
        Assert.Equal("System.Collections.Generic.IReadOnlyList<OpenHands.Api.ValidationErrorLocItem>", loc.ToDisplayString());
        Assert.True(output.GetTypeByMetadataName("OpenHands.Api.ValidationErrorLocItem")!.IsValueType);
    }

    [Fact]
    public void Without_mvc_or_server_request_only_models_and_client_are_generated()
    {
        var (result, _) = GeneratorHarness.Run(Seed with { Generate = "Client" });
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("Controller") || t.FilePath.Contains("Security"));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("OpenHandsClient.g.cs"));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Models.ValidationError.g.cs"));
    }
}
