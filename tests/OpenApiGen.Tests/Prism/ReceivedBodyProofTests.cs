namespace OpenApiGen.Tests.Prism;

/// <summary>ajv's violations of a received body explain a dynamic-mode failure only where the client failed.</summary>
public class ReceivedBodyProofTests
{
    private static ExampleViolation? At(string failure, params ExampleViolation[] violations) => ReceivedBodyProof.ViolationAtFailure(failure, violations);

    private const string Converted = "response (200): XApiException: The JSON value could not be converted to System.Collections.Generic.IReadOnlyDictionary`2[System.String,System.Text.Json.JsonElement]. Path: $.channel.details | LineNumber: 0 | BytePositionInLine: 99.";

    [Fact]
    public void A_path_inside_a_union_matches_the_end_of_the_instance_path()
    {
        Assert.NotNull(At(Converted, new ExampleViolation("/log_entries/3/channel/details", "type", "must be object")));
        Assert.Null(At(Converted, new ExampleViolation("/log_entries/3/channel", "oneOf", "must match exactly one schema in oneOf")));
        Assert.Null(At(Converted, new ExampleViolation("/log_entries/3/channel/details/x", "type", "must be string")));
        Assert.Null(At(Converted, new ExampleViolation("/log_entries/3/channel/details", "required", "must have required property 'a'", "a")));
        Assert.Null(At(Converted));
    }

    private const string Missing = "response (200): XApiException: JSON deserialization for type 'P.ScriptReference' was missing required properties including: 'script'. ---> JsonException: JSON deserialization for type 'P.ScriptReference' was missing required properties including: 'script'. [JSON at $.action_data_reference] [Prism's own response violates the spec] Too many violations! [";

    [Fact]
    public void Missing_members_need_the_same_object_missing_them_at_the_json_path()
    {
        Assert.NotNull(At(Missing, new ExampleViolation("/actions/1/action_data_reference", "required", "must have required property 'script'", "script")));
        Assert.Null(At(Missing, new ExampleViolation("/actions/1/other", "required", "must have required property 'script'", "script")));
        Assert.Null(At(Missing, new ExampleViolation("/actions/1/action_data_reference", "required", "must have required property 'id'", "id")));
    }

    [Fact]
    public void A_union_without_a_match_needs_a_failed_oneOf_there()
    {
        const string failure = "response (200): XApiException: The JSON value does not match any variant of ActionValue. [JSON at $.action.value]";
        Assert.NotNull(At(failure, new ExampleViolation("/action/value", "oneOf", "must match exactly one schema in oneOf", NoVariantMatched: true)));
        Assert.Null(At(failure, new ExampleViolation("/action/value", "oneOf", "must match exactly one schema in oneOf")));
    }
}
