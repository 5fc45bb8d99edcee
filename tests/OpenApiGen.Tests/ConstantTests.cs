using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 10: a one-value string enum (OpenAI's event tags, Stripe's <c>enum: [""]</c>, AWS's <c>Action</c> parameter) is a
/// string with a known value, not a type of its own; what the type did (defaulting, reading, telling arms apart) still holds.
/// </summary>
public class ConstantTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Consts, version: "1" }
    paths:
      /events:
        get:
          operationId: listEvents
          parameters:
            - { name: Action, in: query, required: true, schema: { type: string, enum: [ListEvents] } }
            - { name: limit, in: query, schema: { type: integer } }
          responses:
            "200": { description: Events., content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
    components:
      schemas:
        Created:
          type: object
          required: [type, id]
          properties:
            type: { type: string, enum: [thing.created] }
            id: { type: string }
            kind: { type: string, enum: [plain] }
        Deleted:
          type: object
          required: [type, id]
          properties:
            type: { type: string, enum: [thing.deleted] }
            id: { type: string }
        Event:
          oneOf: [ { $ref: '#/components/schemas/Created' }, { $ref: '#/components/schemas/Deleted' } ]
          discriminator: { propertyName: type, mapping: { thing.created: '#/components/schemas/Created', thing.deleted: '#/components/schemas/Deleted' } }
        Metadata:
          anyOf:
            - { type: object, additionalProperties: { type: string } }
            - { type: string, enum: [""] }
        Mode:
          oneOf:
            - { type: string, enum: [auto] }
            - { type: string, enum: [none] }
        Label:
          anyOf:
            - { type: string }
            - { type: string, enum: [""] }
        First: { type: object, properties: { tag: { type: object, required: [t], properties: { t: { type: string, enum: [x] } } } } }
        Second: { type: object, properties: { tag: { type: object, required: [t], properties: { t: { type: string, enum: [y] } } } } }
    """;

    // Runs inside the generated assembly: each line is one observation, compared as text below.
    private const string Probe = """
    using System.Text.Json;
    using Consts.Api;

    public static class Probe
    {
        public static string Run()
        {
            var options = ConstsJsonContext.CreateOptions();
            var lines = new System.Collections.Generic.List<string>();
            // A required constant needs no initializer and is written; an unset optional one is not.
            lines.Add(JsonSerializer.Serialize(new Created { Id = "1" }, options));
            lines.Add(JsonSerializer.Deserialize<Created>("{\"type\":\"thing.created\",\"id\":\"2\",\"kind\":\"plain\"}", options)!.Kind!);
            lines.Add(Throws(() => JsonSerializer.Deserialize<Created>("{\"id\":\"3\"}", options)));
            lines.Add(JsonSerializer.Deserialize<Event>("{\"type\":\"thing.deleted\",\"id\":\"4\"}", options).AsDeleted.Id);
            // A constant arm is read by its value and written as it.
            lines.Add(JsonSerializer.Deserialize<Metadata>("\"\"", options).IsEmpty.ToString());
            lines.Add(JsonSerializer.Deserialize<Metadata>("{\"a\":\"b\"}", options).IsStringMap.ToString());
            lines.Add(JsonSerializer.Serialize(Metadata.Empty, options));
            lines.Add(JsonSerializer.Deserialize<Mode>("\"none\"", options).IsNone.ToString());
            lines.Add(Throws(() => JsonSerializer.Deserialize<Mode>("\"other\"", options)));
            lines.Add(JsonSerializer.Deserialize<Label>("\"\"", options).IsEmpty.ToString());
            lines.Add(JsonSerializer.Deserialize<Label>("\"bob\"", options).AsString);
            return string.Join("\n", lines);
        }

        private static string Throws(System.Action action)
        {
            try { action(); return "no exception"; }
            catch (System.Exception ex) { return ex.GetType().Name; }
        }
    }
    """;

    private static readonly Lazy<(GeneratorDriverRunResult Result, Compilation Output)> Generated =
        new(() => GeneratorHarness.Run(new SpecFile("/project/consts.yaml", Spec, "Consts.Api", "Client;AllModels")));

    private static INamedTypeSymbol Type(string name) => Generated.Value.Output.GetTypeByMetadataName("Consts.Api." + name)!;

    [Fact]
    public void A_one_value_enum_member_is_a_string_that_defaults_to_its_value_when_required()
    {
        Assert.Empty(GeneratorHarness.CompileErrors(Generated.Value.Output));
        var created = Type("Created");
        var type = (IPropertySymbol)created.GetMembers("Type").Single();
        Assert.Equal("string", type.Type.ToDisplayString());
        Assert.False(type.IsRequired);
        Assert.Contains("= \"thing.created\";", type.DeclaringSyntaxReferences.Single().GetSyntax().ToString());
        Assert.Equal("string?", ((IPropertySymbol)created.GetMembers("Kind").Single()).Type.ToDisplayString());
        Assert.True(((IPropertySymbol)created.GetMembers("Id").Single()).IsRequired);
        // No type for any of them.
        Assert.DoesNotContain(Generated.Value.Output.GetSymbolsWithName(n => n.EndsWith("Type", StringComparison.Ordinal) || n.EndsWith("Kind", StringComparison.Ordinal), SymbolFilter.Type), t => t.ContainingNamespace.ToDisplayString() == "Consts.Api");
    }

    [Fact]
    public void Constants_read_write_and_tell_union_arms_apart()
    {
        var assembly = GeneratorHarness.Load(Generated.Value.Output, "consts-probe", collectible: true, Probe);
        var result = (string)assembly.GetType("Probe")!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal(
            """
            {"type":"thing.created","id":"1"}
            plain
            JsonException
            4
            True
            True
            ""
            True
            JsonException
            True
            bob
            """.ReplaceLineEndings("\n"),
            result);
    }

    [Fact]
    public void Records_that_differ_only_in_a_constant_stay_apart()
    {
        Assert.Empty(GeneratorHarness.CompileErrors(Generated.Value.Output));
        var first = ((IPropertySymbol)Type("First").GetMembers("Tag").Single()).Type.WithNullableAnnotation(NullableAnnotation.None);
        var second = ((IPropertySymbol)Type("Second").GetMembers("Tag").Single()).Type.WithNullableAnnotation(NullableAnnotation.None);
        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public void A_required_constant_parameter_defaults_to_its_value()
    {
        Assert.Empty(GeneratorHarness.CompileErrors(Generated.Value.Output));
        var list = Generated.Value.Output.GetSymbolsWithName("ListEventsAsync", SymbolFilter.Member).OfType<IMethodSymbol>().First(m => m.ContainingType.TypeKind == TypeKind.Class);
        var action = list.Parameters.Single(p => p.Name == "action");
        Assert.True(action.HasExplicitDefaultValue);
        Assert.Equal("ListEvents", action.ExplicitDefaultValue);
    }
}
