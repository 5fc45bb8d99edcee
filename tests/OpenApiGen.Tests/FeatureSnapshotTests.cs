using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// One small hand-written spec per feature, its generated files pinned as approved snapshots under
/// Snapshots/Features/{feature}/ and compiled against net10.0 + ASP.NET Core without errors or warnings.
/// </summary>
public class FeatureSnapshotTests
{
    private const string Header = """
    openapi: 3.1.0
    info: { title: Feature, version: "1" }

    """;

    /// <summary>Feature name → (spec, prefix of the generated files worth pinning for it).</summary>
    public static readonly Dictionary<string, (string Spec, string[] Files)> Features = new()
    {
        ["Enums"] = (Header + """
            paths: {}
            components:
              schemas:
                Mood: { type: string, enum: [happy, grumpy, "needs-coffee"] }
                Level: { type: integer, enum: [1, 2, 3], x-enum-varnames: [Low, Mid, High] }
            """, ["Feature.Api.Models."]),
        ["Unions"] = (Header + """
            paths: {}
            components:
              schemas:
                Dog: { type: object, required: [kind], properties: { kind: { type: string }, bark: { type: boolean } } }
                Cat: { type: object, required: [kind], properties: { kind: { type: string }, lives: { type: integer } } }
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' } ]
                  discriminator: { propertyName: kind, mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' } }
                IdOrName: { anyOf: [ { type: string }, { type: integer } ] }
                MaybeDog: { anyOf: [ { $ref: '#/components/schemas/Dog' }, { type: "null" } ] }
            """, ["Feature.Api.Models.Pet.", "Feature.Api.Models.IdOrName."]),
        ["Nullability"] = (Header + """
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  required: [name, nickname, tags]
                  properties:
                    name: { type: string }
                    nickname: { type: [string, "null"] }
                    age: { type: integer, format: int64 }
                    tags: { type: array, items: { type: string } }
                    scores: { type: object, additionalProperties: { type: number } }
                    born: { type: string, format: date }
                    seen: { type: string, format: date-time }
                    id: { type: string, format: uuid }
                    home: { type: string, format: uri }
                    avatar: { type: string, format: byte }
                    secret: { type: string, writeOnly: true }
                    extra: {}
            """, ["Feature.Api.Models."]),
        ["Inheritance"] = (Header + """
            paths: {}
            components:
              schemas:
                Vehicle:
                  type: object
                  required: [kind]
                  properties: { kind: { type: string }, wheels: { type: integer } }
                  discriminator: { propertyName: kind }
                Car:
                  allOf:
                    - $ref: '#/components/schemas/Vehicle'
                    - { type: object, properties: { doors: { type: integer } } }
                SportsCar:
                  allOf:
                    - $ref: '#/components/schemas/Car'
                    - type: object
                      required: [turbo]
                      properties: { turbo: { type: boolean } }
                      discriminator: { propertyName: kind }
                Merged:
                  allOf:
                    - { type: object, properties: { a: { type: string } } }
                    - { type: object, properties: { b: { type: string } } }
            """, ["Feature.Api.Models."]),
        ["ParameterStyles"] = (Header + """
            paths:
              /items/{ids}/{point}:
                get:
                  operationId: listItems
                  tags: [items]
                  parameters:
                    - { name: ids, in: path, required: true, style: label, explode: true, schema: { type: array, items: { type: integer } } }
                    - { name: point, in: path, required: true, style: matrix, schema: { type: object, properties: { x: { type: integer } } } }
                    - { name: tags, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                    - { name: filter, in: query, style: deepObject, schema: { type: object, properties: { q: { type: string } } } }
                    - { name: X-Trace, in: header, schema: { type: string } }
                    - { name: session, in: cookie, schema: { type: string } }
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
            """, ["Feature.Api.FeatureClient.Items.", "Feature.Api.ItemsControllerBase."]),
        ["Bodies"] = (Header + """
            paths:
              /upload:
                post:
                  operationId: upload
                  tags: [files]
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema: { type: object, required: [file], properties: { file: { type: string, format: binary }, note: { type: string } } }
                  responses: { "204": { description: stored } }
              /raw:
                put:
                  operationId: putRaw
                  tags: [files]
                  requestBody: { content: { application/octet-stream: { schema: { type: string, format: binary } } } }
                  responses:
                    "200": { description: echo, content: { application/octet-stream: { schema: { type: string, format: binary } } } }
              /note:
                post:
                  operationId: postNote
                  tags: [files]
                  requestBody: { content: { text/plain: { schema: { type: string } } } }
                  responses:
                    "201": { description: created, headers: { Location: { schema: { type: string } } } }
                    "4XX": { description: client error, content: { application/json: { schema: { type: object, properties: { message: { type: string } } } } } }
                    default: { description: other }
            """, ["Feature.Api.FeatureClient.Files.", "Feature.Api.FilesControllerBase."]),
        ["InputRules"] = (Header + """
            paths:
              /pets:
                post:
                  operationId: createPet
                  tags: [pets]
                  parameters:
                    - { name: tag, in: query, required: true, schema: { type: string, minLength: 2, pattern: '^[a-z]+$' } }
                    - { name: ids, in: query, schema: { type: array, maxItems: 3, uniqueItems: true, items: { type: integer, minimum: 1 } } }
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [name]
                          additionalProperties: false
                          properties:
                            name: { type: string, maxLength: 8 }
                            kind: { type: string, enum: [cat, dog] }
                            born: { type: string, format: date }
                            note: { type: string }
                  responses:
                    "201": { description: created }
                    "422": { description: invalid, content: { application/problem+json: { schema: { type: object } } } }
            """, ["Feature.Api.PetsControllerBase."]),
        ["Security"] = (Header + """
            security: [ { token: [] } ]
            paths:
              /both:
                get:
                  operationId: both
                  tags: [guard]
                  security: [ { key: [], query: [] } ]
                  responses: { "204": { description: ok } }
              /either:
                get:
                  operationId: either
                  tags: [guard]
                  security: [ { key: [] }, { basic: [] } ]
                  responses: { "204": { description: ok } }
              /open:
                get:
                  operationId: open
                  tags: [guard]
                  security: []
                  responses: { "204": { description: ok } }
            components:
              securitySchemes:
                key: { type: apiKey, in: header, name: X-Key }
                query: { type: apiKey, in: query, name: key }
                token: { type: http, scheme: bearer }
                basic: { type: http, scheme: basic }
                oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: { read: read things } } } }
            """, ["Feature.Api.FeatureSecurity.", "Feature.Api.GuardControllerBase.", "Feature.Api.FeatureClient.Guard."]),
        ["Names"] = (Header + """
            paths:
              /2fa/{user-id}/class:
                get:
                  parameters: [ { name: user-id, in: path, required: true, schema: { type: string } } ]
                  responses: { "204": { description: ok } }
            components:
              schemas:
                class:
                  type: object
                  properties:
                    class: { type: string }
                    $ref: { type: string }
                    2nd: { type: string }
                    "déjà vu": { type: string }
                    SHOUTING_CASE: { type: string }
                    ToString: { type: string }
            """, ["Feature.Api.Models.", "Feature.Api.FeatureClient.2fa.", "Feature.Api.FeatureClient._2fa."]),
    };

    public static TheoryData<string> Names => new(Features.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Feature_output_matches_its_snapshot_and_compiles(string feature)
    {
        var (spec, prefixes) = Features[feature];
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/feature.yaml", spec, "Feature.Api", "Client;Server;AllModels"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var files = result.GeneratedTrees
            .Select(t => (Name: Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(t.FilePath)), Text: t.GetText().ToString()))
            .Where(f => prefixes.Any(p => (f.Name + ".").StartsWith(p, StringComparison.Ordinal)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        Snapshot.MatchAll(Path.Combine("Features", feature), files);
    }
}
