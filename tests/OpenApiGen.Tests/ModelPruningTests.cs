using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Issue 10: with a client or server, only the schemas the operations use become types (AllModels keeps all).</summary>
public class ModelPruningTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Prune, version: "1" }
    paths:
      /pets:
        get:
          operationId: listPets
          parameters:
            - { name: kind, in: query, schema: { $ref: '#/components/schemas/Kind' } }
          responses:
            "200": { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } }
            "404": { description: None., content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
    components:
      schemas:
        Kind: { type: string, enum: [cat, dog] }
        Problem: { type: object, properties: { title: { type: string } } }
        Pet:
          type: object
          required: [petType]
          properties:
            petType: { type: string }
            owner: { $ref: '#/components/schemas/Owner' }
          discriminator: { propertyName: petType }
        Cat:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - { type: object, properties: { lives: { type: integer } } }
        Kitten:
          allOf:
            - $ref: '#/components/schemas/Cat'
            - { type: object, properties: { age: { type: integer } } }
        Owner: { type: object, properties: { name: { type: string } } }
        Unread: { type: object, properties: { code: { type: string, format: not-a-format } } }
        WebhookPayload:
          type: object
          properties:
            sender: { type: object, properties: { login: { type: string } } }
            owner: { $ref: '#/components/schemas/Owner' }
    """;

    private static string[] ModelNames(string generate)
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/prune.yaml", Spec, "Prune.Api", generate));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        return result.GeneratedTrees
            .Select(t => Path.GetFileName(t.FilePath))
            .Where(n => n.StartsWith("Prune.Api.Models.", StringComparison.Ordinal))
            .Select(n => n["Prune.Api.Models.".Length..^".g.cs".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public void A_client_gets_the_types_its_operations_reach_and_the_derived_types_of_a_discriminated_base()
    {
        Assert.Equal(["Cat", "Kind", "Kitten", "Owner", "Pet", "Problem"], ModelNames("Client;Models"));
    }

    [Fact]
    public void AllModels_and_Models_alone_keep_every_schema()
    {
        string[] all = ["Cat", "Kind", "Kitten", "Owner", "Pet", "Problem", "Unread", "WebhookPayload", "WebhookPayloadSender"];
        Assert.Equal(all, ModelNames("Client;AllModels"));
        Assert.Equal(all, ModelNames("Models"));
    }

    [Fact]
    public void A_schema_no_operation_uses_is_not_read_so_it_reports_nothing_unless_every_schema_is_generated()
    {
        static string[] Ids(string generate) => GeneratorHarness.Run(new SpecFile("/project/prune.yaml", Spec, "Prune.Api", generate))
            .Result.Diagnostics.Select(d => d.Id).ToArray();
        Assert.DoesNotContain("OAG016", Ids("Client;Models"));
        Assert.Contains("OAG016", Ids("Client;AllModels"));
    }
}
