using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 12, the minimal-API server in memory: what the seed generates (snapshots), that it compiles clean alone and
/// beside the MVC server (the result types then serve both), and that it names every identifier the docs promise.
/// The behaviour is held by MinimalApiServerConformanceTests and StreamingTests over Kestrel, and by the packed-package
/// end-to-end tests (JIT and Native AOT).
/// </summary>
public class MinimalApiTests
{
    private static readonly SpecFile Seed = SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Client;MinimalApi;Models");

    [Fact]
    public void Seed_output_matches_approved_snapshots()
    {
        var (result, _) = GeneratorHarness.Run(Seed);
        Assert.Empty(result.Diagnostics);
        Snapshot.MatchAll("MinimalApi", GeneratorHarness.SpecTrees(result)
            .Where(t => t.FilePath.Contains("HandlerBase", StringComparison.Ordinal) || t.FilePath.Contains("Endpoints", StringComparison.Ordinal) || t.FilePath.Contains("ServerInput", StringComparison.Ordinal))
            .OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .Select(t => (Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(t.FilePath)), t.GetText().ToString())));
    }

    [Theory]
    [InlineData("Client;MinimalApi;Models")]
    [InlineData("Client;Server;MinimalApi;Models")]
    public void Output_compiles_without_errors_or_warnings(string generate)
    {
        var (_, output) = GeneratorHarness.Run(SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", generate));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Both_servers_share_one_result_type_that_is_an_IResult_and_an_IActionResult()
    {
        var (_, output) = GeneratorHarness.Run(SpecFile.FromRepo("openhands-delete-conversation.json", "OpenHands.Api", "Server;MinimalApi;Models"));
        var result = output.GetTypeByMetadataName("OpenHands.Api.DeleteConversationResult")!;
        Assert.Contains(result.AllInterfaces, i => i.ToDisplayString() == "Microsoft.AspNetCore.Http.IResult");
        Assert.Contains(result.AllInterfaces, i => i.ToDisplayString() == "Microsoft.AspNetCore.Mvc.IActionResult");
        Assert.Single(output.SyntaxTrees, t => t.ToString().Contains("class DeleteConversationResult", StringComparison.Ordinal));
    }

    [Fact]
    public void Public_api_has_the_documented_names()
    {
        var (_, output) = GeneratorHarness.Run(Seed);
        var handler = output.GetTypeByMetadataName("OpenHands.Api.ConversationsHandlerBase")!;
        Assert.True(handler.IsAbstract);
        var delete = Assert.Single(handler.GetMembers("DeleteConversation").OfType<IMethodSymbol>());
        Assert.True(delete.IsAbstract);
        Assert.Equal("System.Threading.Tasks.Task<OpenHands.Api.DeleteConversationResult>", delete.ReturnType.ToDisplayString());
        Assert.Equal(["string conversationId", "System.Threading.CancellationToken cancellationToken"], delete.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name));
        var endpoints = output.GetTypeByMetadataName("OpenHands.Api.OpenHandsEndpoints")!;
        Assert.All(new[] { "MapOpenHandsEndpoints", "MapConversationsEndpoints" }, name =>
        {
            var map = Assert.Single(endpoints.GetMembers(name).OfType<IMethodSymbol>());
            Assert.True(map.IsExtensionMethod);
            Assert.Equal("Microsoft.AspNetCore.Routing.RouteGroupBuilder", map.ReturnType.ToDisplayString());
        });
    }
}
