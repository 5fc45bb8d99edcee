using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Tests;

/// <summary>Generated models compiled and loaded for real: payloads survive deserialize → serialize unchanged.</summary>
public class RoundTripTests
{
    private const string Spec = """
    openapi: 3.1.0
    info: { title: Zoo, version: "1" }
    paths: {}
    components:
      schemas:
        Dog:
          type: object
          required: [kind, bark]
          properties:
            kind: { type: string }
            bark: { type: boolean }
        Cat:
          type: object
          required: [kind, lives]
          properties:
            kind: { type: string }
            lives: { type: integer }
        Pet:
          oneOf: [ { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' } ]
          discriminator:
            propertyName: kind
            mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' }
        Mood:
          type: string
          enum: [happy, grumpy]
        Level:
          type: integer
          enum: [1, 2, 3]
          x-enum-varnames: [Low, Mid, High]
        Keeper:
          type: object
          required: [name, nickname, pets]
          properties:
            name: { type: string }
            nickname: { type: [string, "null"] }
            alias: { anyOf: [ { type: string }, { type: "null" } ] }
            pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }
            mood: { $ref: '#/components/schemas/Mood' }
            level: { $ref: '#/components/schemas/Level' }
            badge: { anyOf: [ { type: string }, { type: integer } ] }
            scores: { type: object, additionalProperties: { type: number, format: double } }
            hired: { type: string, format: date }
            seen: { type: string, format: date-time }
            id: { type: string, format: uuid }
            extra: {}
    """;

    private static readonly Lazy<Assembly> Models = new(Compile);

    private static Assembly Compile()
    {
        var (result, compilation) = GeneratorHarness.Run(new SpecFile("/project/zoo.yaml", Spec, "Zoo.Api", "Models"));
        Assert.Empty(result.Diagnostics);
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("zoo", isCollectible: true).LoadFromStream(stream);
    }

    private static Type T(string name) => Models.Value.GetType("Zoo.Api." + name, throwOnError: true)!;

    private static object RoundTrip(string typeName, string json)
    {
        var value = JsonSerializer.Deserialize(json, T(typeName))!;
        var written = JsonSerializer.Serialize(value, T(typeName));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{typeName}: wrote {written}, read {json}");
        return value;
    }

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    [Fact]
    public void Full_keeper_round_trips()
    {
        const string json = """
        {"name":"Ann","nickname":null,"pets":[{"kind":"dog","bark":true},{"kind":"cat","lives":9}],"mood":"grumpy","level":3,
         "badge":7,"scores":{"a":1.5,"b":2},"hired":"2024-01-02","seen":"2024-01-02T03:04:05+00:00","id":"6f1c2b1e-8a5e-4c5f-9a55-0e6f1d2c3b4a","extra":{"any":[1,"x"]}}
        """;
        var keeper = RoundTrip("Keeper", json);
        var pets = ((System.Collections.IEnumerable)Get(keeper, "Pets")!).Cast<object>().ToList();
        Assert.Equal(true, Get(pets[0], "IsDog"));
        Assert.Equal(true, Get(pets[1], "IsCat"));
        Assert.Equal(9, Get(Get(pets[1], "AsCat")!, "Lives"));
        Assert.Equal(7, Get(Get(keeper, "Badge")!, "AsInt32"));
        Assert.Equal(new DateOnly(2024, 1, 2), Get(keeper, "Hired"));
        Assert.Null(Get(keeper, "Nickname"));
    }

    [Fact]
    public void Optional_properties_stay_absent_and_required_nulls_stay_null()
    {
        RoundTrip("Keeper", """{"name":"Bo","nickname":null,"pets":[]}""");
        RoundTrip("Keeper", """{"name":"Bo","nickname":"b","alias":"x","pets":[],"badge":"gold"}""");
    }

    [Fact]
    public void Enums_keep_unknown_values()
    {
        var mood = RoundTrip("Mood", "\"sleepy\"");
        Assert.Equal(false, Get(mood, "IsKnown"));
        Assert.Equal("sleepy", Get(mood, "Value"));
        var happy = T("Mood").GetProperty("Happy")!.GetValue(null)!;
        Assert.Equal(happy, JsonSerializer.Deserialize("\"happy\"", T("Mood")));
        var level = RoundTrip("Level", "42");
        Assert.Equal(false, Get(level, "IsKnown"));
        Assert.Equal(2, Get(T("Level").GetProperty("Mid")!.GetValue(null)!, "Value"));
    }

    [Fact]
    public void Discriminator_picks_the_variant_even_when_shapes_overlap()
    {
        // A cat payload that also fits Dog (the first arm): only the discriminator can tell it is a cat.
        var pet = JsonSerializer.Deserialize("""{"kind":"cat","bark":false,"lives":3}""", T("Pet"))!;
        Assert.Equal(true, Get(pet, "IsCat"));
        var undiscriminated = JsonSerializer.Deserialize("""{"kind":"cat","lives":1}""", T("Pet"))!;
        Assert.Equal(true, Get(undiscriminated, "IsCat"));
    }

    [Fact]
    public void Union_rejects_values_of_no_variant()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("true", T("KeeperBadge")));
    }
}
