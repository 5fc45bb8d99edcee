using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiGen.Tests;

/// <summary>Spec strings are data: hostile names, descriptions and values never become code.</summary>
public class HostileSpecTests
{
    private static readonly string[] Payloads =
    {
        "*/ System.Environment.Exit(42); /*",
        "</summary> System.Environment.Exit(42); <summary>",
        "<script>alert(1)</script>",
        "\"\"\" System.Environment.Exit(42); \"\"\"",
        "line\n#error injected",
        "line\r\n#pragma warning disable",
        "line\u2028#error injected via LS",
        "line\u0085#error injected via NEL",
        "lone \ud800 surrogate",
        "nul \0 char",
        "\"); System.Environment.Exit(42); //",
    };

    private static string HostileSpec()
    {
        var properties = new Dictionary<string, object>();
        var names = new[] { "a\"b", "back\\slash", "@at", "{}", "with space", "class", "", "\"); System.Environment.Exit(42); //", "line\n#error x" };
        for (var i = 0; i < names.Length; i++)
        {
            properties[names[i]] = new Dictionary<string, object> { ["type"] = "string", ["description"] = Payloads[i % Payloads.Length], ["default"] = "System.Environment.Exit(42);" };
        }
        var spec = new Dictionary<string, object>
        {
            ["openapi"] = "3.1.0",
            ["info"] = new Dictionary<string, object> { ["title"] = Payloads[0], ["version"] = "1", ["description"] = Payloads[1] },
            ["paths"] = new Dictionary<string, object>
            {
                ["/items/{id}\"; System.Environment.Exit(42); //"] = new Dictionary<string, object>
                {
                    ["get"] = new Dictionary<string, object>
                    {
                        ["operationId"] = "get\"); System.Environment.Exit(42); //",
                        ["summary"] = Payloads[4],
                        ["description"] = Payloads[5],
                        ["tags"] = new[] { Payloads[3] },
                        ["parameters"] = new object[]
                        {
                            new Dictionary<string, object> { ["name"] = "id\"; System.Environment.Exit(42); //", ["in"] = "path", ["required"] = true, ["schema"] = new Dictionary<string, object> { ["type"] = "string" }, ["description"] = Payloads[6] },
                            new Dictionary<string, object> { ["name"] = "q\\\"", ["in"] = "query", ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = new[] { "a\"b", "#error", "" } }, ["description"] = Payloads[7] },
                        },
                        ["responses"] = new Dictionary<string, object>
                        {
                            ["200"] = new Dictionary<string, object>
                            {
                                ["description"] = Payloads[8],
                                ["content"] = new Dictionary<string, object> { ["application/json\"; System.Environment.Exit(42); //"] = new Dictionary<string, object> { ["schema"] = new Dictionary<string, object> { ["$ref"] = "#/components/schemas/Evil" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new Dictionary<string, object>
            {
                ["schemas"] = new Dictionary<string, object>
                {
                    ["Evil"] = new Dictionary<string, object> { ["type"] = "object", ["description"] = Payloads[9], ["properties"] = properties, ["x-code"] = "System.Environment.Exit(42);" },
                },
                ["securitySchemes"] = new Dictionary<string, object>
                {
                    ["key\"; System.Environment.Exit(42); //"] = new Dictionary<string, object> { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-\"Key\\", ["description"] = Payloads[10] },
                },
            },
            ["security"] = new object[] { new Dictionary<string, object> { ["key\"; System.Environment.Exit(42); //"] = Array.Empty<string>() } },
        };
        return JsonSerializer.Serialize(spec);
    }

    [Fact]
    public void Hostile_strings_compile_and_never_become_code()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/hostile.json", HostileSpec(), "Hostile.Api", "Client;Server;Models"));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.NotEmpty(GeneratorHarness.SpecTrees(result));
        var errors = GeneratorHarness.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));

        foreach (var tree in result.GeneratedTrees)
        {
            var root = tree.GetRoot();
            // The canary may appear inside string literals and doc comments only, never as an invocation.
            var invocations = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Exit" }).ToList();
            Assert.True(invocations.Count == 0, tree.FilePath + ": " + string.Join("; ", invocations));
            var directives = root.DescendantTrivia().Where(t => t.IsDirective).Select(t => t.ToString().Trim()).Where(d => d is not ("#nullable enable" or "#nullable enable annotations" or "#nullable disable warnings")).ToList();
            Assert.True(directives.Count == 0, tree.FilePath + " has directives: " + string.Join("; ", directives));
            Assert.DoesNotContain(root.DescendantTokens(), t => t.IsKind(SyntaxKind.BadToken));
        }
    }
}
