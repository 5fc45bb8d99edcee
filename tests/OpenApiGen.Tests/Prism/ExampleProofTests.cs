namespace OpenApiGen.Tests.Prism;

/// <summary>An invalid spec example explains a static-mode failure only where the client failed.</summary>
public class ExampleProofTests
{
    private static IReadOnlyList<ServedExample> Served(params ExampleViolation[] violations) =>
        [new("application/json", "examples[\"response\"]", violations)];

    private static string? Match(string failure, IReadOnlyList<ServedExample> served) => ExampleProof.Match("GET /x", 200, failure, served);

    private const string ConvertedAt = "response (200): XApiException: The API returned status 200 with a body that could not be read as R: The JSON value could not be converted to System.Nullable`1[System.Boolean]. Path: $.connections[0].is_default | LineNumber: 0 | BytePositionInLine: 278.";

    [Fact]
    public void A_type_violation_at_the_value_the_client_could_not_convert_explains_it()
    {
        var cause = Match(ConvertedAt, Served(new ExampleViolation("/connections/0/is_default", "type", "must be boolean")));
        Assert.Equal("spec error: the spec's example for GET /x 200 (application/json, examples[\"response\"]) violates its schema at /connections/0/is_default: must be boolean", cause);
    }

    [Fact]
    public void A_violation_elsewhere_or_inside_or_around_the_value_does_not()
    {
        Assert.Null(Match(ConvertedAt, Served(new ExampleViolation("/connections/0/secrets", "type", "must be object"))));
        Assert.Null(Match(ConvertedAt, Served(new ExampleViolation("/connections/0", "required", "must have required property 'id'", "id"))));
        Assert.Null(Match(ConvertedAt, Served(new ExampleViolation("/connections/0/is_default/x", "type", "must be string"))));
    }

    [Fact]
    public void A_valid_example_explains_nothing()
    {
        Assert.Null(Match(ConvertedAt, Served()));
        Assert.Null(Match(ConvertedAt, []));
    }

    [Fact]
    public void Every_media_type_prism_could_have_served_must_break_the_schema_there()
    {
        var broken = new ServedExample("application/json", "example", [new ExampleViolation("/connections/0/is_default", "type", "must be boolean")]);
        var valid = new ServedExample("application/vnd.x+json", "example", []);
        Assert.Null(Match(ConvertedAt, [broken, valid]));
    }

    [Fact]
    public void A_string_where_the_body_should_be_an_object_is_a_violation_at_the_root()
    {
        var failure = "response (200): XApiException: The JSON value could not be converted to Prism.Jira.AttachmentSettings. Path: $ | LineNumber: 0 | BytePositionInLine: 44.";
        Assert.Contains("violates its schema at the body itself: must be object", Match(failure, Served(new ExampleViolation("", "type", "must be object"))));
        Assert.Null(Match(failure, Served(new ExampleViolation("/enabled", "type", "must be boolean"))));
    }

    [Fact]
    public void Stj_paths_and_json_pointers_compare_by_segment()
    {
        Assert.Equal(["a", "0", "b c", "d"], ExampleProof.StjSegments(".a[0]['b c'].d"));
        Assert.Equal(["a", "0", "b/c"], ExampleProof.PointerSegments("/a/0/b~1c"));
        Assert.Empty(ExampleProof.PointerSegments(""));
    }

    private const string Missing = "response (201): XApiException: JSON deserialization for type 'Prism.P.IncidentTypeCustomFields' was missing required properties including: 'field_options', 'namespace'. ---> JsonException: JSON deserialization for type 'Prism.P.IncidentTypeCustomFields' was missing required properties including: 'field_options', 'namespace'.";

    [Fact]
    public void Missing_required_properties_are_explained_only_by_one_object_missing_all_of_them()
    {
        Assert.NotNull(Match(Missing, Served(
            new ExampleViolation("/field", "required", "must have required property 'field_options'", "field_options"),
            new ExampleViolation("/field", "required", "must have required property 'namespace'", "namespace"))));
        Assert.Null(Match(Missing, Served(new ExampleViolation("/field", "required", "must have required property 'field_options'", "field_options"))));
        Assert.Null(Match(Missing, Served(
            new ExampleViolation("/field", "required", "must have required property 'field_options'", "field_options"),
            new ExampleViolation("/other", "required", "must have required property 'namespace'", "namespace"))));
    }

    private const string NoVariant = "response (200): XApiException: The JSON value does not match any variant of IncidentTypeCustomFieldsDefaultValue. ---> JsonException: The JSON value does not match any variant of IncidentTypeCustomFieldsDefaultValue.";

    [Fact]
    public void A_union_is_explained_only_by_a_value_of_its_name_that_matches_no_variant()
    {
        Assert.NotNull(Match(NoVariant, Served(new ExampleViolation("/fields/0/default_value", "oneOf", "must match exactly one schema in oneOf", NoVariantMatched: true))));
        // Several variants matching (an overlap) is the client's problem to resolve, not a spec error.
        Assert.Null(Match(NoVariant, Served(new ExampleViolation("/fields/0/default_value", "oneOf", "must match exactly one schema in oneOf"))));
        Assert.Null(Match(NoVariant, Served(new ExampleViolation("/fields/0/field_options", "oneOf", "must match exactly one schema in oneOf", NoVariantMatched: true))));
    }

    [Fact]
    public void Prisms_appended_violation_list_is_not_the_clients_failure()
    {
        var failure = "response (200): XApiException: JSON deserialization for type 'T' was missing required properties including: 'type'. "
            + ClientSweep.PrismInvalidResponse + " response.body.a: Response body property a Path: $.a must be string";
        Assert.Null(Match(failure, Served(new ExampleViolation("/a", "type", "must be string"))));
    }

    [Fact]
    public void A_violation_prisms_sampler_makes_without_the_specs_examples_is_prisms()
    {
        var served = new ServedExample("application/json", "static sample of the schema", [new ExampleViolation("/connections/0/is_default", "type", "must be boolean", Value: "{}", FromSampler: true)]);
        Assert.StartsWith("Prism limitation: the static response prism-http generates for GET /x 200", Match(ConvertedAt, [served]));
    }

    [Fact]
    public void Only_static_response_failures_are_checked()
    {
        Assert.Null(ExampleProof.Explain("no-such-spec.json", new CallOutcome("GET /x (X.Get)", "dynamic", true, false, ConvertedAt)));
        Assert.Null(ExampleProof.Explain("no-such-spec.json", new CallOutcome("GET /x (X.Get)", "static", false, false, "request refused (400): x")));
    }
}
