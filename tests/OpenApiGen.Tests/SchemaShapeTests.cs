using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// Shapes the Prism sweep found losing request data: members only oneOf branches declare, allOf parts that point into
/// another schema, required members no schema declares, and a media range sent as Content-Type.
/// </summary>
public class SchemaShapeTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Shapes, version: "1" }
    paths:
      /domains:
        post:
          operationId: createDomain
          requestBody: { required: true, content: { "*/*": { schema: { $ref: '#/components/schemas/CreateDomain' } } } }
          responses: { "200": { description: Created. } }
      /attachments:
        post:
          operationId: addAttachment
          requestBody: { required: true, content: { multipart/form-data: { schema: { type: string, format: binary } } } }
          responses: { "200": { description: Added. } }
    components:
      schemas:
        CreateDomain:
          type: object
          properties: { method: { type: string } }
          oneOf:
            - { type: object, required: [name], properties: { name: { type: string }, cdn: { type: boolean } } }
            - { type: object, required: [name, authCode], properties: { name: { type: string }, authCode: { type: string } } }
        Tag:
          allOf:
            - { type: object, properties: { id: { type: string }, summary: { type: string } } }
            - { type: object, properties: { label: { type: string } } }
        Reference:
          allOf:
            - { $ref: '#/components/schemas/Tag/allOf/0' }
            - { type: object, required: [type, id] }
        ServiceReference:
          allOf:
            - { $ref: '#/components/schemas/Reference' }
            - { type: object, properties: { type: { type: string } } }
        IncidentBody:
          type: object
          required: [type]
          properties: { details: { type: object } }
        Providers:
          oneOf:
            - { type: array, items: { type: string } }
            - { type: string, enum: ["*"] }
            - { type: object, properties: { name: { type: string } } }
        Fields:
          type: object
          properties: { issueType: { type: string }, issuetype: { type: string } }
        Channel:
          type: object
          properties: { type: { type: string } }
          oneOf:
            - { type: object, properties: { details: { type: object }, host: { type: string } } }
            - { type: object, properties: { details: { type: string }, host: { type: string } } }
    """;

    private static readonly Lazy<(GeneratorDriverRunResult Result, Compilation Output)> Generated =
        new(() => GeneratorHarness.Run(new SpecFile("/project/shapes.yaml", Spec, "Shapes.Api", "Client;AllModels")));

    private static IReadOnlyDictionary<string, IPropertySymbol> Properties(string type)
    {
        Assert.Empty(GeneratorHarness.CompileErrors(Generated.Value.Output));
        return Generated.Value.Output.GetTypeByMetadataName("Shapes.Api." + type)!.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && p.Name != "EqualityContract").ToDictionary(p => p.Name);
    }

    [Fact]
    public void Members_of_oneOf_branches_beside_properties_can_be_sent()
    {
        var members = Properties("CreateDomain");
        Assert.Equal(new[] { "AuthCode", "Cdn", "Method", "Name" }, members.Keys.Order(StringComparer.Ordinal));
        Assert.All(members.Values, p => Assert.False(p.IsRequired));
    }

    [Fact]
    public void A_member_oneOf_branches_type_differently_reads_any_of_their_values()
    {
        // PagerDuty's Channel.details: an object in NagiosChannel, a string in WebTriggerChannel (the Prism sweep read a string).
        var members = Properties("Channel");
        Assert.Equal("System.Text.Json.JsonElement?", members["Details"].Type.ToDisplayString());
        Assert.Equal("string?", members["Host"].Type.ToDisplayString());
        var assembly = GeneratorHarness.Load(Generated.Value.Output, "shapes-channel", collectible: true);
        var options = (System.Text.Json.JsonSerializerOptions)assembly.GetType("Shapes.Api.ShapesJsonContext")!.GetMethod("CreateOptions")!.Invoke(null, null)!;
        var channel = System.Text.Json.JsonSerializer.Deserialize("""{"type":"web_trigger","details":"x"}""", assembly.GetType("Shapes.Api.Channel")!, options)!;
        Assert.Equal("x", ((System.Text.Json.JsonElement?)channel.GetType().GetProperty("Details")!.GetValue(channel))!.Value.GetString());
    }

    [Fact]
    public void Inline_union_arms_are_named_by_what_they_are()
    {
        // Vercel's gitProviders: oneOf [array, enum ["*"]]; Stripe's anyOf [X, enum [""]] gives IsEmpty.
        Assert.Empty(GeneratorHarness.CompileErrors(Generated.Value.Output));
        var members = Generated.Value.Output.GetTypeByMetadataName("Shapes.Api.Providers")!.GetMembers().Select(m => m.Name).ToHashSet();
        Assert.Contains("IsStringList", members);
        Assert.Contains("IsValue", members);
        Assert.Contains("IsObject", members);
    }

    [Fact]
    public void Members_whose_names_differ_only_in_case_both_read()
    {
        // Jira's Fields has issueType and issuetype: the serializer matches member initializers to properties ignoring case.
        var assembly = GeneratorHarness.Load(Generated.Value.Output, "shapes-fields", collectible: true);
        var options = (System.Text.Json.JsonSerializerOptions)assembly.GetType("Shapes.Api.ShapesJsonContext")!.GetMethod("CreateOptions")!.Invoke(null, null)!;
        var type = assembly.GetType("Shapes.Api.Fields")!;
        var fields = System.Text.Json.JsonSerializer.Deserialize("""{"issueType":"a","issuetype":"b"}""", type, options)!;
        Assert.Equal("a", type.GetProperty("IssueType")!.GetValue(fields));
        Assert.Equal("b", type.GetProperty("Issuetype")!.GetValue(fields));
        Assert.Equal("""{"issueType":"a","issuetype":"b"}""", System.Text.Json.JsonSerializer.Serialize(fields, type, options));
    }

    [Fact]
    public void An_allOf_part_that_points_into_another_schema_brings_its_members()
    {
        // PagerDuty: ServiceReference = allOf [Reference, {type}], Reference = allOf [$ref Tag/allOf/0, {required: [type, id]}].
        var members = Properties("ServiceReference");
        Assert.True(members["Type"].IsRequired);
        Assert.True(members["Id"].IsRequired);
        Assert.Equal("string", members["Id"].Type.ToDisplayString());
        Assert.Contains("Summary", members.Keys);
    }

    [Fact]
    public void A_required_member_no_schema_declares_is_an_optional_member_of_any_value()
    {
        var type = Properties("IncidentBody")["Type"];
        Assert.False(type.IsRequired);
        Assert.Equal("System.Text.Json.JsonElement?", type.Type.ToDisplayString());
    }

    [Fact]
    public void A_media_range_is_never_sent_as_the_content_type()
    {
        var group = Generated.Value.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ShapesClient.Default.g.cs", StringComparison.Ordinal) || t.FilePath.Contains("ShapesClient.") && t.GetText().ToString().Contains("CreateDomainAsync")).GetText().ToString();
        Assert.Contains("\"application/json\"", group);
        Assert.DoesNotContain("\"*/*\"", group);
    }

    [Fact]
    public void A_multipart_body_that_is_one_binary_value_is_one_file_part()
    {
        var client = Generated.Value.Result.GeneratedTrees.Select(t => t.GetText().ToString()).Single(t => t.Contains("AddAttachmentAsync("));
        Assert.Contains("AddAttachmentAsync(global::Shapes.Api.ShapesFile file,", client);
        Assert.Contains("Part(", client);
    }
}
