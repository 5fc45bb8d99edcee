using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Issue 10: one type per distinct enum value set, named by a documented rule, each merge reported where it happened.</summary>
public class DeduplicationTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Dedup, version: "1" }
    paths:
      /orders:
        get:
          operationId: listOrders
          parameters:
            - { name: state, in: query, schema: { type: string, enum: [open, closed] } }
          responses:
            "200": { description: Orders., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }
    components:
      schemas:
        Status: { type: string, enum: [open, closed] }
        Pick:
          oneOf:
            - { type: object, properties: { a: { type: string } } }
            - { type: object, properties: { a: { type: string } } }
        Order:
          type: object
          properties:
            status: { $ref: '#/components/schemas/Status' }
            paymentStatus: { type: string, enum: [closed, open] }
            clear: { type: string, enum: [""] }
            reset: { type: string, enum: [""] }
            priority: { type: integer, enum: [1, 2] }
            level: { type: string, enum: ["1", "2"] }
    """;

    [Fact]
    public void Enums_with_the_same_values_are_one_type_named_by_the_shortest_name()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/dedup.yaml", Spec, "Dedup.Api", "Client;AllModels"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var order = output.GetTypeByMetadataName("Dedup.Api.Order")!;
        string TypeOf(string property) => ((IPropertySymbol)order.GetMembers(property).Single()).Type.ToDisplayString();

        // Same set in another order is the same enum; the shortest name wins.
        Assert.Equal("Dedup.Api.Status?", TypeOf("Status"));
        Assert.Equal("Dedup.Api.Status?", TypeOf("PaymentStatus"));
        Assert.Null(output.GetTypeByMetadataName("Dedup.Api.OrderPaymentStatus"));
        // The query parameter's inline copy too.
        var client = output.GetTypeByMetadataName("Dedup.Api.DedupClient+DefaultClient") ?? output.GetSymbolsWithName("ListOrdersAsync").OfType<IMethodSymbol>().First().ContainingType;
        var list = (IMethodSymbol)client.GetMembers("ListOrdersAsync").Single();
        Assert.Equal("Dedup.Api.Status?", list.Parameters[0].Type.ToDisplayString());
        // A one-value enum [""] is a string with a known value, no type; equal text of another wire type is not the same enum.
        Assert.Equal("string?", TypeOf("Clear"));
        Assert.Equal("string?", TypeOf("Reset"));
        Assert.Null(output.GetTypeByMetadataName("Dedup.Api.OrderClear"));
        Assert.NotEqual(TypeOf("Priority"), TypeOf("Level"));

        // Two variants of one union stay two types (PagerDuty has such a oneOf): merging them would not compile.
        var pick = output.GetTypeByMetadataName("Dedup.Api.Pick")!;
        Assert.Equal(2, pick.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Constructor && m.Parameters.Length == 1).Select(m => m.Parameters[0].Type.Name).Distinct().Count());

        var merged = result.Diagnostics.Where(d => d.Id == "OAG009").Select(d => d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToList();
        Assert.Equal(2, merged.Count);
        Assert.Contains("'OrderPaymentStatus' is generated as 'Status' because it has the same values as that type", merged);
        Assert.All(result.Diagnostics.Where(d => d.Id == "OAG009"), d => Assert.Equal("/project/dedup.yaml", d.Location.GetLineSpan().Path));
    }
}
