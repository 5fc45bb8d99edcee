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
}
