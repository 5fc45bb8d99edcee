namespace OpenApiGen.Tests.Prism;

/// <summary>Prism's own invalid mock output explains a client failure only at the value Prism names.</summary>
public class KnownCausesTests
{
    private static CallOutcome Failure(string text) => new("GET /x (X.Get)", "dynamic", true, false, text);

    [Fact]
    public void A_failure_inside_a_value_prism_reports_as_invalid_is_prisms()
    {
        var failure = Failure("response (200): JsonException: The JSON value could not be converted to System.Int64. Path: $[0].Created | LineNumber: 0 | BytePositionInLine: 1. "
            + ClientSweep.PrismInvalidResponse + " response.body.0.Created: Response body property 0.Created must be integer");
        Assert.StartsWith("Prism limitation", KnownCauses.Explain("any.json", failure));
    }

    [Fact]
    public void A_failure_elsewhere_stays_unexplained_even_when_prism_reports_another_value()
    {
        var failure = Failure("response (200): JsonException: The JSON value could not be converted to System.Uri. Path: $.schedule.html_url | LineNumber: 0 | BytePositionInLine: 1. "
            + ClientSweep.PrismInvalidResponse + " response.body.schedule.teams.0.self: Response body property schedule.teams.0.self must match format \"url\"");
        Assert.Null(KnownCauses.Explain("any.json", failure));
    }

    [Fact]
    public void A_refusal_is_explained_only_when_every_violation_has_a_known_cause()
    {
        var pattern = "request refused (400): request.query.since: Request query parameter since must match pattern \"YYYY-MM-DDThh:mm:ssZ\"";
        Assert.NotNull(KnownCauses.Explain("pagerduty.json", Failure(pattern) with { Operation = "GET /change_events (ChangeEvents.List)" }));
        Assert.Null(KnownCauses.Explain("pagerduty.json", Failure(pattern + "; request.header: Request header must have required property 'content-type'") with { Operation = "GET /change_events (ChangeEvents.List)" }));
    }

    private static CallOutcome Missing(string names, string at, string violations) => Failure(
        "response (200): ApiException: The API returned status 200 with a body that could not be read as R: JSON deserialization for type 'X' was missing required properties including: "
        + names + ". ---> JsonException: JSON deserialization for type 'X' was missing required properties including: " + names + ". " + ClientSweep.JsonAtMarker + at + "] "
        + ClientSweep.PrismInvalidResponse + " " + violations);

    [Fact]
    public void Missing_required_properties_are_prisms_only_where_prism_omits_every_one_of_them()
    {
        const string omitted = "response.body.settings.0.services.0: Response body property settings.0.services.0 must have required property 'type'; "
            + "response.body.settings.0.services.0: Response body property settings.0.services.0 must have required property 'id'";
        Assert.StartsWith("Prism limitation", KnownCauses.Explain("any.json", Missing("'type', 'id'", "$.settings[0].services[0]", omitted)));
        // A name Prism does not report missing, or the same names missing at another value: the client's own doing.
        Assert.Null(KnownCauses.Explain("any.json", Missing("'type', 'summary'", "$.settings[0].services[0]", omitted)));
        Assert.Null(KnownCauses.Explain("any.json", Missing("'type'", "$.settings[0].services[1]", omitted)));
        Assert.Null(KnownCauses.Explain("any.json", Missing("'type'", "$.settings[0]", omitted)));
        Assert.Null(KnownCauses.Explain("any.json", Missing("'type'", "$.ervices[0]", omitted)));
        // Inside a union STJ's path starts at the union's value: a suffix of Prism's location.
        Assert.NotNull(KnownCauses.Explain("any.json", Missing("'type', 'id'", "$.services[0]", omitted)));
        // Without the failure's location there is no proof.
        Assert.Null(KnownCauses.Explain("any.json", Failure("response (200): JsonException: JSON deserialization for type 'X' was missing required properties including: 'type'. " + ClientSweep.PrismInvalidResponse + " " + omitted)));
    }

    [Fact]
    public void Missing_required_at_the_root_matches_prisms_body_violation()
    {
        Assert.NotNull(KnownCauses.Explain("any.json", Missing("'modules'", "$", "response.body: Response body must have required property 'modules'")));
    }

    private static CallOutcome NoVariant(string at, string violations) => Failure(
        "response (200): ApiException: The API returned status 200 with a body that could not be read as R: The JSON value does not match any variant of U. ---> JsonException: The JSON value does not match any variant of U. "
        + ClientSweep.JsonAtMarker + at + "] " + ClientSweep.PrismInvalidResponse + " " + violations);

    [Fact]
    public void A_union_matching_no_variant_is_prisms_only_where_prism_says_the_value_breaks_the_union()
    {
        const string oneOf = "response.body.custom_fields.0.value: Response body property custom_fields.0.value must be object; "
            + "response.body.custom_fields.0.value: Response body property custom_fields.0.value must match exactly one schema in oneOf";
        Assert.NotNull(KnownCauses.Explain("any.json", NoVariant("$.custom_fields[0].value", oneOf)));
        Assert.NotNull(KnownCauses.Explain("any.json", NoVariant("$.v", "response.body.v: Response body property v must match a schema in anyOf")));
        // Another union, or only a branch's error without Prism saying the union itself fails: unexplained.
        Assert.Null(KnownCauses.Explain("any.json", NoVariant("$.custom_fields[1].value", oneOf)));
        Assert.Null(KnownCauses.Explain("any.json", NoVariant("$.custom_fields[0].value", "response.body.custom_fields.0.value: Response body property custom_fields.0.value must be object")));
    }
}
