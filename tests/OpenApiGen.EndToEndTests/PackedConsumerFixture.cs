namespace OpenApiGen.EndToEndTests;

/// <summary>
/// The seed operation (specs/openhands-delete-conversation.json) with the consumer in ConsumerApp/: packed package →
/// temp Sdk.Web consumer → Kestrel on a free loopback port, READY.
/// The same consumer carries issue 11's adoption features: a second spec (<see cref="FilteredSpec"/>) filtered with
/// OpenApiInclude/OpenApiExclude whose OpenApiGenerate comes from a project-wide property, and NSubstitute mocking the
/// generated client interfaces, deprecated members ([Obsolete]) in a project where obsolete warnings are errors, and
/// an &lt;OpenApiReference&gt; item left as NSwag.ApiDescription.Client users have it.
/// </summary>
public sealed class PackedConsumerFixture : PackedConsumerFixtureBase
{
    /// <summary>Four operations in two tags; the consumer keeps the Pets tag and drops deletePet.</summary>
    public const string FilteredSpec = """
        openapi: 3.0.3
        info: { title: Filtered, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [Pets]
              responses: { "200": { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } } }
          /pets/{id}:
            delete:
              operationId: deletePet
              tags: [Pets]
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses: { "200": { description: Deleted., content: { application/json: { schema: { $ref: '#/components/schemas/DeleteReceipt' } } } } }
          /store/orders:
            get:
              operationId: listOrders
              tags: [Store]
              responses: { "200": { description: Orders., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } } }
          /store/inventory:
            get:
              operationId: getInventory
              tags: [Store]
              summary: Stock per pet kind.
              deprecated: true
              responses: { "200": { description: Inventory., content: { application/json: { schema: { $ref: '#/components/schemas/Inventory' } } } } }
        components:
          schemas:
            Pet: { type: object, properties: { name: { type: string, x-ms-client-name: PetName }, legacyName: { type: string, deprecated: true } } }
            DeleteReceipt: { type: object, properties: { id: { type: string } } }
            Order: { type: object, properties: { pet: { $ref: '#/components/schemas/Pet' } } }
            Inventory: { type: object, additionalProperties: { type: integer } }
        """;

    /// <summary>Issue 12: a webhook and a callback, received by the generated MVC controller bases and sent by the generated sender.</summary>
    public const string HooksSpec = """
        openapi: 3.1.0
        info: { title: Hooks, version: "1" }
        paths:
          /subscriptions:
            post:
              operationId: subscribe
              tags: [Subscriptions]
              parameters: [ { name: callbackUrl, in: query, required: true, schema: { type: string } } ]
              responses: { "201": { description: Subscribed. } }
              callbacks:
                onStatus:
                  '{$request.query.callbackUrl}/status':
                    post:
                      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/StatusUpdate' } } } }
                      responses: { "202": { description: Taken. } }
        webhooks:
          petAdopted:
            post:
              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Adoption' } } } }
              responses: { "200": { description: Received. } }
        components:
          schemas:
            Adoption:
              type: object
              required: [petId, owner]
              properties: { petId: { type: integer, format: int32 }, owner: { type: string, minLength: 1 } }
            StatusUpdate:
              type: object
              required: [state]
              properties: { state: { type: string } }
        """;

    protected override string SpecPath => RepoLayout.SeedSpec;

    protected override string ConsumerAppFolder => "ConsumerApp";

    // Project-wide default for every spec item; the seed's item sets its own OpenApiGenerate, which wins.
    // Warnings about obsolete members are errors here, as in a TreatWarningsAsErrors project: the generated code must not
    // trip them over the spec's deprecated operation and property.
    protected override string ExtraProperties => "<OpenApiGenerate>Client;Models</OpenApiGenerate><WarningsAsErrors>CS0612;CS0618</WarningsAsErrors>";

    protected override string ExtraItems => """
        <PackageReference Include="NSubstitute" Version="6.1.0" />
        <AdditionalFiles Include="filtered.yaml" OpenApiNamespace="Filtered.Api" OpenApiInclude="tag:Pets;operation:getInventory;tag:NoSuchTag" OpenApiExclude="path:/pets/*" />
        <AdditionalFiles Include="filtered.overlay.yaml" OpenApiOverlay="filtered.yaml" />
        <AdditionalFiles Include="hooks.yaml" OpenApiNamespace="Hooks.Api" OpenApiGenerate="Server;Webhooks;Models" />
        <OpenApiReference Include="legacy.json" Namespace="Legacy.Api" ClassName="LegacyApiClient" Options="/GenerateClientInterfaces:true /UseBaseUrl:false /GenerateNullableReferenceTypes:true" />
        """;

    // legacy.json: the seed spec again, kept as an <OpenApiReference> item as NSwag.ApiDescription.Client users have it.
    protected override IReadOnlyDictionary<string, string> ExtraFiles => new Dictionary<string, string>
    {
        ["filtered.yaml"] = FilteredSpec,
        ["hooks.yaml"] = HooksSpec,
        // An OpenAPI Overlay that adds a property to the third-party spec without editing it.
        ["filtered.overlay.yaml"] = """
            overlay: 1.0.0
            info: { title: Local additions, version: "1" }
            actions:
              - target: $.components.schemas.Pet.properties
                update: { age: { type: integer, format: int32 } }
            """,
        ["legacy.json"] = File.ReadAllText(RepoLayout.SeedSpec),
    };
}
