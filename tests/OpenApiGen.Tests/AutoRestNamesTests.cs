using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Issue 11: names without editing the spec, AutoRest style (x-ms-client-name, x-ms-enum), in a Swagger 2.0 spec as Azure writes them.</summary>
public class AutoRestNamesTests
{
    private const string Spec = """
    {
      "swagger": "2.0",
      "info": { "title": "Network", "version": "2016-06-01" },
      "produces": ["application/json"],
      "paths": {
        "/gateways/{gatewayName}": {
          "get": {
            "operationId": "Gateways_Get",
            "tags": ["Gateways"],
            "parameters": [
              { "$ref": "#/parameters/ApiVersionParameter" },
              { "name": "gatewayName", "in": "path", "required": true, "type": "string", "x-ms-client-name": "name" }
            ],
            "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/gateway_resource" } } }
          }
        }
      },
      "parameters": {
        "ApiVersionParameter": { "name": "api-version", "in": "query", "required": true, "type": "string", "x-ms-client-name": "apiVersion2" }
      },
      "definitions": {
        "gateway_resource": {
          "type": "object",
          "x-ms-client-name": "Gateway",
          "properties": {
            "provisioning_state": { "type": "string", "x-ms-client-name": "State" },
            "sku": {
              "type": "string",
              "enum": ["Standard_Small", "Standard_Large"],
              "x-ms-enum": {
                "name": "GatewaySkuName",
                "modelAsString": true,
                "values": [
                  { "value": "Standard_Small", "name": "Small", "description": "Two instances." },
                  { "value": "Standard_Large", "name": "Large" }
                ]
              }
            },
            "tier": { "type": "string", "enum": ["Standard", "WAF"], "x-ms-enum": { "name": "GatewayTier", "modelAsString": false } }
          }
        }
      }
    }
    """;

    [Fact]
    public void Schemas_properties_parameters_and_enums_take_their_AutoRest_names()
    {
        var (_, output) = GeneratorHarness.Run(new SpecFile("/project/network.json", Spec, "Network.Api", "Client;Models"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));

        var gateway = output.GetTypeByMetadataName("Network.Api.Gateway");
        Assert.NotNull(gateway);
        Assert.Null(output.GetTypeByMetadataName("Network.Api.GatewayResource"));
        Assert.Equal(["Sku", "State", "Tier"], gateway!.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name).Order().ToArray());
        Assert.Equal("Network.Api.GatewaySkuName?", ((IPropertySymbol)gateway.GetMembers("Sku").Single()).Type.ToDisplayString());
        Assert.NotNull(output.GetTypeByMetadataName("Network.Api.GatewayTier"));

        // x-ms-enum values: member names and their docs.
        var sku = output.GetTypeByMetadataName("Network.Api.GatewaySkuName")!;
        Assert.NotEmpty(sku.GetMembers("Small"));
        Assert.NotEmpty(sku.GetMembers("Large"));
        Assert.Contains("Two instances.", sku.GetMembers("Small").Single().GetDocumentationCommentXml() ?? sku.GetMembers("Small").Single().DeclaringSyntaxReferences.Single().GetSyntax().GetLeadingTrivia().ToFullString());

        // Parameters, inline and through #/parameters.
        var get = output.GetTypeByMetadataName("Network.Api.NetworkClient+GatewaysClient")!.GetMembers().OfType<IMethodSymbol>().Single(m => m.Name.StartsWith("GatewaysGet", StringComparison.Ordinal) || m.Name == "GetAsync");
        Assert.Equal(["apiVersion2", "name", "cancellationToken"], get.Parameters.Select(p => p.Name).ToArray());
    }
}
