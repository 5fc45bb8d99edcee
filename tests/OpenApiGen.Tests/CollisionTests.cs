using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Spec names that collide with generated locals, record members or each other still compile.</summary>
public class CollisionTests
{
    private const string Spec = """
    {
      "openapi": "3.1.0",
      "info": { "title": "collide", "version": "1" },
      "paths": {
        "/things/{status}": {
          "get": {
            "operationId": "getThing",
            "parameters": [
              { "name": "status", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "request", "in": "query", "schema": { "type": "integer" } },
              { "name": "message", "in": "header", "schema": { "type": "string" } },
              { "name": "response", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
              { "name": "class", "in": "query", "schema": { "type": "boolean" } }
            ],
            "responses": {
              "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
              "404": { "description": "gone", "content": { "application/json": { "schema": { "$ref": "#/components/responses/NotFound/content/application~1json/schema" } } } }
            }
          }
        }
      },
      "components": {
        "schemas": {
          "Thing": {
            "type": "object",
            "properties": {
              "toString": { "type": "string" },
              "thing": { "type": "string" },
              "id": { "$ref": "#/components/schemas/Other/properties/id" },
              "maybe": { "type": ["array", "null"], "items": { "$ref": "#/components/schemas/Other" } }
            }
          },
          "Other": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" } } }
        },
        "responses": {
          "NotFound": { "description": "nf", "content": { "application/json": { "schema": { "type": "object", "properties": { "reason": { "type": "string" } } } } } }
        }
      }
    }
    """;

    [Fact]
    public void Colliding_names_compile_and_pointer_refs_resolve()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/collide.json", Spec, "Collide.Api", "Client;Server;Models"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var errors = GeneratorHarness.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var thing = output.GetTypeByMetadataName("Collide.Api.Thing")!;
        Assert.NotEmpty(thing.GetMembers("ToStringValue"));
        Assert.NotEmpty(thing.GetMembers("ThingValue"));
        Assert.Equal("System.Guid?", ((IPropertySymbol)thing.GetMembers("Id").Single()).Type.ToDisplayString());
        Assert.NotNull(output.GetTypeByMetadataName("Collide.Api.NotFound"));

        var client = output.GetTypeByMetadataName("Collide.Api.CollideClient+DefaultClient") ?? output.GetTypeByMetadataName("Collide.Api.CollideClient+ThingsClient")!;
        var method = (IMethodSymbol)client.GetMembers("GetThingAsync").Single();
        Assert.Equal(new[] { "status", "request", "message", "response", "class", "cancellationToken" }, method.Parameters.Select(p => p.Name));
    }
}

/// <summary>Parameters in every location bind on the server and are sent by the client.</summary>
public class ParameterLocationTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Params, version: "1" }
    paths:
      /items/{id}:
        get:
          operationId: getItem
          parameters:
            - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
            - { name: filter, in: query, schema: { type: array, items: { type: string } } }
            - { name: X-Trace, in: header, schema: { type: string, format: uuid } }
            - { name: session, in: cookie, schema: { type: string } }
            - { name: mode, in: query, schema: { type: string, enum: [fast, slow] } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer, readOnly: true } }, required: [id] } } } }
    """;

    [Fact]
    public void All_locations_compile_with_the_right_binding_attributes()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/params.yaml", Spec, "Params.Api", "Client;Server;Models"));
        Assert.Empty(result.Diagnostics);
        var errors = GeneratorHarness.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var action = (IMethodSymbol)output.GetTypeByMetadataName("Params.Api.ItemsControllerBase")!.GetMembers("GetItem").Single();
        var binders = action.Parameters.Take(5).Select(p => p.GetAttributes().First(a => a.AttributeClass!.Name != "ParameterStyleAttribute").AttributeClass!.Name).ToArray();
        Assert.Equal(new[] { "FromRouteAttribute", "FromQueryAttribute", "FromHeaderAttribute", "ModelBinderAttribute", "FromQueryAttribute" }, binders);
        Assert.Equal("Params.Api.GetItemMode?", action.Parameters[4].Type.ToDisplayString());
        // The cookie binds through IParsable<T> (trim-safe), not the TypeDescriptor-based CookieBinder.
        var cookieBinder = (INamedTypeSymbol)action.Parameters[3].GetAttributes().First().ConstructorArguments[0].Value!;
        Assert.Equal("DelimitedBinder", cookieBinder.Name);
        var response = output.GetTypeByMetadataName("Params.Api.GetItemResponse")!;
        Assert.False(((IPropertySymbol)response.GetMembers("Id").Single()).IsRequired, "readOnly properties are not required");
    }

    [Fact]
    public void A_ref_with_a_readOnly_sibling_is_not_required_though_its_target_is_not_readOnly()
    {
        const string spec = """
        openapi: 3.1.0
        info: { title: Siblings, version: "1" }
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
        components:
          schemas:
            Id: { type: string }
            Thing:
              type: object
              required: [id, name]
              properties:
                id: { $ref: '#/components/schemas/Id', readOnly: true }
                name: { $ref: '#/components/schemas/Id' }
        """;
        var (_, output) = GeneratorHarness.Run(new SpecFile("/project/siblings.yaml", spec, "Siblings.Api", "Client;Models"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var thing = output.GetTypeByMetadataName("Siblings.Api.Thing")!;
        Assert.False(((IPropertySymbol)thing.GetMembers("Id").Single()).IsRequired, "a readOnly $ref sibling makes the member optional");
        Assert.True(((IPropertySymbol)thing.GetMembers("Name").Single()).IsRequired);
    }

    [Fact]
    public void A_response_ref_with_its_own_description_keeps_it()
    {
        const string spec = """
        openapi: 3.1.0
        info: { title: Siblings, version: "1" }
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: string } } } }
                "404": { $ref: '#/components/responses/NotFound', description: No such thing }
          /others:
            get:
              operationId: getOther
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: string } } } }
                "404": { $ref: '#/components/responses/NotFound' }
        components:
          responses:
            NotFound: { description: Not found, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
        """;
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/responses.yaml", spec, "Siblings.Api", "Client;Models"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var client = string.Join("\n", GeneratorHarness.SpecTrees(result).Select(t => t.GetText().ToString()));
        Assert.Contains("(__response, \"No such thing\", cancellationToken)", client);
        Assert.Contains("(__response, \"Not found\", cancellationToken)", client);
    }

    [Fact]
    public void Tags_whose_names_make_one_groups_interface_another_groups_class_still_compile()
    {
        // "IUsers" declares IUsersClient (its class) and "Users" would declare IUsersClient (its interface).
        const string tags = """
        {
          "openapi": "3.0.3", "info": { "title": "Tags", "version": "1" },
          "paths": {
            "/a": { "get": { "operationId": "a", "tags": ["Users"], "responses": { "204": { "description": "ok" } } } },
            "/b": { "get": { "operationId": "b", "tags": ["IUsers"], "responses": { "204": { "description": "ok" } } } },
            "/c": { "get": { "operationId": "c", "tags": ["UsersClient"], "responses": { "204": { "description": "ok" } } } }
          }
        }
        """;
        var (_, output) = GeneratorHarness.Run(new SpecFile("/project/tags.json", tags, "Tags.Api", "Client;Models"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var client = output.GetTypeByMetadataName("Tags.Api.TagsClient")!;
        Assert.Equal(3, client.GetMembers().OfType<IPropertySymbol>().Count(p => p.Type.Name.EndsWith("Client", StringComparison.Ordinal)));
    }
}
