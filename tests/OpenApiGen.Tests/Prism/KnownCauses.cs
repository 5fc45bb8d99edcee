namespace OpenApiGen.Tests.Prism;

/// <summary>
/// A sweep failure that is not the generated client's fault, with its proven cause: a Prism limitation or an error in
/// the spec, named precisely. Generator bugs never go here: they fail the sweep until fixed.
/// </summary>
public sealed record KnownCause(string Spec, string Operation, string MessageContains, string Cause)
{
    public bool Explains(string spec, string operation, string message) =>
        (Spec == "*" || spec == Spec) && operation.Contains(Operation, StringComparison.Ordinal) && message.Contains(MessageContains, StringComparison.Ordinal);
}

public static class KnownCauses
{
    public static readonly IReadOnlyList<KnownCause> All =
    [
        // Prism answers 500 with its own problem+json naming json-schema-faker (Prism's response generator), not the request.
        new("*", "", "TypeError: Cannot read properties of undefined (reading 'items')",
            "Prism limitation: json-schema-faker (prism-http's dynamic response generator) throws TypeError in clean() on this response schema; Prism answers 500 itself"),
        // #/components/parameters/change_since and change_until: { type: string, format: date-time, pattern: "YYYY-MM-DDThh:mm:ssZ" }.
        new("pagerduty.json", "/change_events (", "must match pattern \"YYYY-MM-DDThh:mm:ssZ\"",
            "spec error: pagerduty.json query parameters since/until declare pattern \"YYYY-MM-DDThh:mm:ssZ\" (a format description, read as a regex it matches only that literal text, which is no date-time), so no valid value exists"),
        // docker-engine.yaml documents application/json-seq responses; Prism answers 500 with this problem+json itself.
        new("docker-engine.yaml", "", "Cannot find serializer for application/json-seq",
            "Prism limitation: Prism has no serializer for the application/json-seq media type the spec documents and answers 500 itself"),
        // prism-http validator/validators/body.js: splitUriParams keeps one value per key, and deserializeFormBody turns a
        // field into an array only when the media type has an `encoding` with a `style` for it. Twilio's form bodies have none.
        new("twilio-messaging-v1.yaml", "", "must be array",
            "Prism limitation: an application/x-www-form-urlencoded array field without an explicit encoding.style is validated as the raw string (prism-http body.js deserializeFormBody), so no array value can pass"),
        // prism-http dist/validator/validators/body.js parseMultipartFormDataParams: `result[pair.name] = pair.data.toString()`,
        // so repeated parts of one name (how multipart sends an array of files) collapse into the last part's string.
        new("openhands.json", "/upload-files (", "request.body.files: Request body property files must be array",
            "Prism limitation: multipart parts are collected one string per name (prism-http body.js parseMultipartFormDataParams), so an array field of repeated parts can never validate as an array"),
        new("openhands-cloud.json", "/upload-files (", "request.body.files: Request body property files must be array",
            "Prism limitation: multipart parts are collected one string per name (prism-http body.js parseMultipartFormDataParams), so an array field of repeated parts can never validate as an array"),
        new("twilio-api-v2010.json", "", "must be array",
            "Prism limitation: an application/x-www-form-urlencoded array field without an explicit encoding.style is validated as the raw string (prism-http body.js deserializeFormBody), so no array value can pass"),
    ];

    private static bool FailsAtViolation(string failure)
    {
        var path = System.Text.RegularExpressions.Regex.Match(failure, @"Path: \$(\S*)");
        if (!path.Success) return false;
        var failedAt = Dotted(path.Groups[1].Value);
        var violations = failure[failure.IndexOf(ClientSweep.PrismInvalidResponse, StringComparison.Ordinal)..];
        return System.Text.RegularExpressions.Regex.Matches(violations, @"response\.body\.?([^:;\s]*):")
            .Select(m => m.Groups[1].Value)
            .Any(at => (failedAt + ".").StartsWith(at + ".", StringComparison.Ordinal) || at.Length == 0);
    }

    /// <summary>STJ's "$.a[0]['b']" as Prism's "a.0.b".</summary>
    private static string Dotted(string jsonPath) =>
        System.Text.RegularExpressions.Regex.Replace(jsonPath, @"\[(\d+)\]|\['([^']*)'\]", m => "." + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).TrimStart('.');

    /// <summary>The proven cause of a failure, or null when it is unexplained (a generator bug until shown otherwise).</summary>
    public static string? Explain(string spec, CallOutcome outcome)
    {
        // Static mode: Prism served the spec's own example, invalid where the client failed (ExampleProof checks it with ajv).
        if (ExampleProof.Explain(spec, outcome) is { } exampleError) return exampleError;
        // Prism's sl-violations header is its own proof that the mock generated a response breaking the spec; it explains
        // the client's failure only where the client failed: on a value Prism names (or inside one).
        if (outcome.Failure is { } invalid && invalid.Contains(ClientSweep.PrismInvalidResponse, StringComparison.Ordinal) && FailsAtViolation(invalid))
        {
            return "Prism limitation: its mock response violates the spec at the value the client could not read (Prism's own sl-violations header)";
        }
        if (outcome.Failure is not { } failure) return null;
        // A refusal lists several violations ("; "-joined): each one needs its own known cause.
        var parts = failure.StartsWith("request refused", StringComparison.Ordinal) ? failure.Split(" | ")[0].Split("; ") : [failure];
        var causes = parts.Select(part => All.FirstOrDefault(k => k.Explains(spec, outcome.Operation, part))?.Cause).ToList();
        return causes.All(c => c is not null) ? string.Join("; ", causes.Distinct()) : null;
    }
}
