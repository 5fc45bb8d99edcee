using System.Reflection;
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
        Animal:
          type: object
          required: [name]
          properties:
            name: { type: string }
        Bird:
          allOf:
            - $ref: '#/components/schemas/Animal'
            - type: object
              required: [wingspan]
              properties:
                wingspan: { type: number }
                name: { type: string, description: redeclared, stays the base's }
        Vehicle:
          type: object
          required: [kind]
          properties:
            kind: { type: string }
            wheels: { type: integer }
          discriminator:
            propertyName: kind
            mapping: { motorbike: '#/components/schemas/Bike' }
        Bike:
          allOf:
            - $ref: '#/components/schemas/Vehicle'
            - type: object
              properties: { helmet: { type: boolean } }
        Car:
          allOf:
            - $ref: '#/components/schemas/Vehicle'
            - type: object
              properties: { doors: { type: integer } }
        Garage:
          type: object
          properties:
            vehicles: { type: array, items: { $ref: '#/components/schemas/Vehicle' } }
        Aviary:
          type: object
          properties:
            star: { $ref: '#/components/schemas/Animal' }
            birds: { type: array, items: { $ref: '#/components/schemas/Bird' } }
    """;

    private static readonly Lazy<Assembly> Models = new(Compile);

    private static Assembly Compile() =>
        GeneratorHarness.CompileAndLoad(new SpecFile("/project/zoo.yaml", Spec, "Zoo.Api", "Models"), "zoo", collectible: true);

    private static Type T(string name) => Models.Value.GetType("Zoo.Api." + name, throwOnError: true)!;

    // "reflection": System.Text.Json reading the generated attributes; "metadata": the generated ZooJsonContext,
    // the path the generated client takes and the only one that works under trimming and native AOT.
    private static readonly Lazy<JsonSerializerOptions> MetadataOptions = new(() =>
        (JsonSerializerOptions)T("ZooJsonContext").GetMethod("CreateOptions")!.Invoke(null, null)!);

    private static JsonSerializerOptions Options(string mode) => mode == "metadata" ? MetadataOptions.Value : JsonSerializerOptions.Default;

    private static object? Read(string mode, string json, string typeName) => JsonSerializer.Deserialize(json, T(typeName), Options(mode));

    private static object RoundTrip(string mode, string typeName, string json)
    {
        var value = Read(mode, json, typeName)!;
        var written = JsonSerializer.Serialize(value, T(typeName), Options(mode));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{typeName}: wrote {written}, read {json}");
        return value;
    }

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Full_keeper_round_trips(string mode)
    {
        const string json = """
        {"name":"Ann","nickname":null,"pets":[{"kind":"dog","bark":true},{"kind":"cat","lives":9}],"mood":"grumpy","level":3,
         "badge":7,"scores":{"a":1.5,"b":2},"hired":"2024-01-02","seen":"2024-01-02T03:04:05+02:00","id":"6f1c2b1e-8a5e-4c5f-9a55-0e6f1d2c3b4a","extra":{"any":[1,"x"]}}
        """;
        var keeper = RoundTrip(mode, "Keeper", json);
        var pets = ((System.Collections.IEnumerable)Get(keeper, "Pets")!).Cast<object>().ToList();
        Assert.Equal(true, Get(pets[0], "IsDog"));
        Assert.Equal(true, Get(pets[1], "IsCat"));
        Assert.Equal(9L, Get(Get(pets[1], "AsCat")!, "Lives"));
        Assert.Equal(7L, Get(Get(keeper, "Badge")!, "AsInt64"));
        Assert.Equal(new DateOnly(2024, 1, 2), Get(keeper, "Hired"));
        Assert.Null(Get(keeper, "Nickname"));
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Optional_properties_stay_absent_and_required_nulls_stay_null(string mode)
    {
        RoundTrip(mode, "Keeper", """{"name":"Bo","nickname":null,"pets":[]}""");
        RoundTrip(mode, "Keeper", """{"name":"Bo","nickname":"b","alias":"x","pets":[],"badge":"gold"}""");
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Enums_keep_unknown_values(string mode)
    {
        var mood = RoundTrip(mode, "Mood", "\"sleepy\"");
        Assert.Equal(false, Get(mood, "IsKnown"));
        Assert.Equal("sleepy", Get(mood, "Value"));
        var happy = T("Mood").GetProperty("Happy")!.GetValue(null)!;
        Assert.Equal(happy, Read(mode, "\"happy\"", "Mood"));
        var level = RoundTrip(mode, "Level", "42");
        Assert.Equal(false, Get(level, "IsKnown"));
        Assert.Equal(2, Get(T("Level").GetProperty("Mid")!.GetValue(null)!, "Value"));
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Discriminator_picks_the_variant_even_when_shapes_overlap(string mode)
    {
        // A cat payload that also fits Dog (the first arm): only the discriminator can tell it is a cat.
        var pet = Read(mode, """{"kind":"cat","bark":false,"lives":3}""", "Pet")!;
        Assert.Equal(true, Get(pet, "IsCat"));
        var undiscriminated = Read(mode, """{"kind":"cat","lives":1}""", "Pet")!;
        Assert.Equal(true, Get(undiscriminated, "IsCat"));
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Union_rejects_values_of_no_variant(string mode)
    {
        Assert.Throws<JsonException>(() => Read(mode, "true", "KeeperBadge"));
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void Missing_required_property_is_rejected(string mode)
    {
        var error = Assert.Throws<JsonException>(() => Read(mode, """{"nickname":null,"pets":[]}""", "Keeper"));
        Assert.Contains("name", error.Message);
    }

    [Theory]
    [InlineData("reflection")]
    [InlineData("metadata")]
    public void AllOf_with_one_base_is_inheritance_and_base_typed_values_write_their_runtime_type(string mode)
    {
        Assert.Equal(T("Animal"), T("Bird").BaseType);
        Assert.False(T("Animal").IsSealed);
        Assert.True(T("Bird").IsSealed);
        Assert.Null(T("Bird").GetProperty("Name", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        var bird = RoundTrip(mode, "Bird", """{"name":"tweety","wingspan":0.3}""");
        Assert.Equal("tweety", Get(bird, "Name"));
        RoundTrip(mode, "Aviary", """{"star":{"name":"rex"},"birds":[{"name":"t","wingspan":1.5}]}""");

        // An Animal-typed property holding a Bird keeps the bird's own properties on the wire.
        var aviary = Read(mode, "{}", "Aviary")!;
        T("Aviary").GetProperty("Star")!.SetValue(aviary, bird);
        var written = JsonSerializer.Serialize(aviary, T("Aviary"), Options(mode));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"star":{"name":"tweety","wingspan":0.3}}"""), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void A_base_with_a_discriminator_reads_the_derived_record_it_names()
    {
        // Explicit mapping (motorbike → Bike), implicit component name (Car), unknown value (tram → the base itself).
        const string json = """{"vehicles":[{"kind":"motorbike","wheels":2,"helmet":true},{"doors":4,"kind":"Car"},{"kind":"tram","wheels":8}]}""";
        var garage = RoundTrip("metadata", "Garage", json);
        var vehicles = ((System.Collections.IEnumerable)Get(garage, "Vehicles")!).Cast<object>().ToList();
        Assert.Equal(new[] { T("Bike"), T("Car"), T("Vehicle") }, vehicles.Select(v => v.GetType()));
        Assert.Equal(true, Get(vehicles[0], "Helmet"));
        Assert.Equal(4L, Get(vehicles[1], "Doors"));
        Assert.Equal(8L, Get(vehicles[2], "Wheels"));
    }
}
