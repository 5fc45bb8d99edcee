using System.Text.RegularExpressions;

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
        // Prism answers 500 {"type":"RangeError","title":"Maximum call stack size exceeded"} (the first time with a stack in
        // json-schema-faker dist/main.cjs traverse, at e.g. jira's .../event/properties/templateEvent/properties/templateEvent/...).
        new("*", "", "RangeError: Maximum call stack size exceeded",
            "Prism limitation: json-schema-faker (prism-http's dynamic response generator) recurses without end through a recursive response schema (traverse in json-schema-faker dist/main.cjs); Prism answers 500 itself"),
        // The same recursion in jira's notification scheme responses (NotificationSchemeEvent.event.templateEvent.templateEvent…)
        // sometimes exhausts the native stack inside V8's RegExp code instead (Prism's last lines: IrregexpPrepare/IrregexpExec
        // frames), and node aborts: the same dynamic calls that otherwise get the RangeError above.
        new("jira-platform-v3.json", "/notificationscheme", "Prism crashed on the request: ",
            "Prism limitation: json-schema-faker's unbounded recursion through jira's recursive notification scheme response (see the RangeError) exhausts the stack inside V8's RegExp code and node aborts"),
        // json-schema-faker 0.5.8 dist/main.cjs traverse(): `if (typeof schema[prop] === "object" && prop !== "definitions")`
        // copies a member named "definitions" verbatim, so a property of that name gets its own schema as the value.
        new("vercel.json", "", ".definitions |",
            "Prism limitation: json-schema-faker (traverse in dist/main.cjs) copies an object member named `definitions` verbatim instead of generating it, so the mock answers the property's schema (an object) where the spec has an array"),
        new("vercel.json", "", ".definitions.type |",
            "Prism limitation: json-schema-faker (traverse in dist/main.cjs) copies an object member named `definitions` verbatim instead of generating it, so the mock answers the property's schema where the spec has a value"),
        // #/components/parameters/change_since and change_until: { type: string, format: date-time, pattern: "YYYY-MM-DDThh:mm:ssZ" }.
        new("pagerduty.json", "/change_events (", "must match pattern \"YYYY-MM-DDThh:mm:ssZ\"",
            "spec error: pagerduty.json query parameters since/until declare pattern \"YYYY-MM-DDThh:mm:ssZ\" (a format description, read as a regex it matches only that literal text, which is no date-time), so no valid value exists"),
        // docker-engine.yaml documents application/json-seq responses; Prism answers 500 with this problem+json itself.
        new("docker-engine.yaml", "", "Cannot find serializer for application/json-seq",
            "Prism limitation: Prism has no serializer for the application/json-seq media type the spec documents and answers 500 itself"),
        // docker-engine.yaml POST /build: consumes [application/octet-stream], and a header parameter "Content-type" with enum
        // [application/x-tar]. Checked against this Prism: a body sent as application/octet-stream is refused for the header
        // enum, one sent as application/x-tar with 415 "Supported content types: application/octet-stream".
        new("docker-engine.yaml", "POST /build (", "request: Supported content types: application/octet-stream",
            "spec error: docker-engine.yaml POST /build consumes only application/octet-stream but declares header parameter Content-type with enum [application/x-tar], so every request with a body breaks one of the two"),
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
        // jira-platform-v3.json GET /rest/api/3/project/recent and /project/search, query `properties`: { type: array, items:
        // $ref StringList } with #/components/schemas/StringList = { type: object, additionalProperties: false } (the
        // description says "a comma-separated list" of property names). prism-http dist/validator/deserializers/style/form.js
        // deserializeFormStyle keeps each item the query string it is (deserializeImplodeArray/deserializeArray), so no item
        // can be an object; only the empty object is allowed anyway.
        new("jira-platform-v3.json", " /rest/api/3/project/", "request.query.properties.0: Request query parameter properties.0 must be object",
            "spec error and Prism limitation: query `properties` declares items #/components/schemas/StringList = {type: object, additionalProperties: false} for a comma-separated list of names, and prism-http deserializers/style/form.js deserializeFormStyle keeps every array item a string, so no item can validate as an object"),
        // The same ScreenTypes on the way in (the sample cannot become the body type) and out (Prism cannot generate the member).
        new("jira-platform-v3.json", "", "'Prism.JiraPlatformV3.ScreenTypes' was missing required properties including: 'defaultScreen'",
            "spec error: jira-platform-v3.json #/components/schemas/ScreenTypes requires \"defaultScreen\", which is not among its properties (edit, create, view, default) while additionalProperties is false, so no value is valid"),
        // POST /rest/api/3/issue/{issueIdOrKey}/attachments: multipart/form-data with schema {type: string, format: binary}.
        // prism-http dist/validator/validators/body.js parses a multipart body into an object of its parts before validating.
        new("jira-platform-v3.json", "/attachments (", "body: Request body must be string",
            "spec error and Prism limitation: the multipart/form-data body's schema is one binary string, not an object of parts; prism-http (validators/body.js) parses every multipart body into an object of parts, so no multipart request can validate as a string"),
        // pagerduty.json #/components/schemas/IncidentBody: required [type], properties {details} only. openapi-sampler samples
        // declared members only, and the operation's example (which has type) gives details as text where the schema says object.
        new("pagerduty.json", "POST /incidents (", "request.body.incident.body: Request body property incident.body must have required property 'type'",
            "spec error: pagerduty.json IncidentBody requires `type` without declaring it (no sampler can produce it), and the operation's own example, which has it, gives incident.body.details as text where the schema says object"),
        // #/components/schemas/ScreenTypes: required ["defaultScreen"], properties {edit, create, view, default}, additionalProperties: false.
        new("jira-platform-v3.json", "POST /rest/api/3/screenscheme (", "request.body.screens: Request body property screens must have required property 'defaultScreen'",
            "spec error: jira-platform-v3.json #/components/schemas/ScreenTypes requires \"defaultScreen\", which is not among its properties (edit, create, view, default) while additionalProperties is false, so no value is valid"),
        // PUT /automation_actions/runners/{id} body.runner: oneOf [AutomationActionsRunnerSidecarBody {name, description},
        // AutomationActionsRunnerRunbookBody {name, description, runbook_base_uri, runbook_api_key}], neither with required
        // members nor additionalProperties: false. Every valid runbook body is also a sidecar body; Prism lists no branch
        // error beside the oneOf one, i.e. both branches matched.
        new("pagerduty.json", "PUT /automation_actions/runners/{id} (", "request.body.runner: Request body property runner must match exactly one schema in oneOf",
            "spec error: pagerduty.json PUT /automation_actions/runners/{id} body.runner oneOf [AutomationActionsRunnerSidecarBody, AutomationActionsRunnerRunbookBody] overlap (no required members, additional properties allowed): every valid runbook body is also a sidecar body, so only a value that breaks the runbook body (e.g. runbook_api_key over 64 characters) matches exactly one"),
        // PUT /incidents/{id}/custom_fields/values body.custom_fields items #/components/schemas/CustomFieldsEditableFieldValue:
        // oneOf ["Value by Field Name" {name, value}, "Value by Field ID" {id, value}], neither requiring its name/id nor
        // closing additional properties: any object valid for one is valid for the other (Prism lists no branch error).
        new("pagerduty.json", "PUT /incidents/{id}/custom_fields/values (", "body.custom_fields.0: Request body property custom_fields.0 must match exactly one schema in oneOf",
            "spec error: pagerduty.json #/components/schemas/CustomFieldsEditableFieldValue oneOf [Value by Field Name, Value by Field ID] overlap (neither requires name/id nor forbids additional properties): a value matches both unless it carries the other branch's name/id with a wrong type, which neither branch's record has"),
        new("twilio-api-v2010.json", "", "must be array",
            "Prism limitation: an application/x-www-form-urlencoded array field without an explicit encoding.style is validated as the raw string (prism-http body.js deserializeFormBody), so no array value can pass"),
    ];

    private static bool FailsAtViolation(string failure)
    {
        var path = Regex.Match(failure, @"Path: \$(\S*)");
        if (!path.Success) return false;
        var failedAt = Dotted(path.Groups[1].Value);
        return ResponseViolations(failure).Select(v => v.At)
            .Any(at => (failedAt + ".").StartsWith(at + ".", StringComparison.Ordinal) || at.Length == 0);
    }

    /// <summary>
    /// STJ's "missing required properties including: 'a', 'b'" (a subset of the missing ones) at $.x, where Prism's own
    /// violations say the value at x "must have required property" for every one of those names.
    /// </summary>
    private static bool MissingWherePrismOmitsThem(string failure)
    {
        var missing = Regex.Match(failure, @"was missing required properties including: ((?:'[^']*'(?:, )?)+)");
        if (!missing.Success || FailedAt(failure) is not { } at) return false;
        var names = Regex.Matches(missing.Groups[1].Value, "'([^']*)'").Select(name => name.Groups[1].Value).ToList();
        // One value at which Prism reports every one of the names missing.
        return ResponseViolations(failure).Where(v => Ends(v.At, at)).GroupBy(v => v.At)
            .Any(value => names.All(name => value.Any(v => v.Message.EndsWith("must have required property '" + name + "'", StringComparison.Ordinal))));
    }

    /// <summary>
    /// Whether Prism's location is where STJ failed. Inside a union STJ's path starts again at the union's value (the
    /// generated converter reads the variant on its own), so the path is a suffix of the location, segment by segment.
    /// </summary>
    private static bool Ends(string location, string failedAt) =>
        failedAt.Length == 0 || location == failedAt || location.EndsWith("." + failedAt, StringComparison.Ordinal);

    /// <summary>A union that matched no variant at $.x, where Prism's own violations say the value at x matches none
    /// (anyOf) or not exactly one (oneOf) of the spec's schemas there: the value is invalid for that union.</summary>
    private static bool NoVariantWherePrismBreaksTheUnion(string failure) =>
        failure.Contains("The JSON value does not match any variant of ", StringComparison.Ordinal) && FailedAt(failure) is { } at
        && ResponseViolations(failure).Any(v => Ends(v.At, at) && (v.Message.EndsWith("must match exactly one schema in oneOf", StringComparison.Ordinal)
            || v.Message.EndsWith("must match a schema in anyOf", StringComparison.Ordinal)));

    /// <summary>Where the JsonException (ClientSweep's path marker) failed, dotted; null when unknown.</summary>
    private static string? FailedAt(string failure)
    {
        var at = Regex.Match(failure, Regex.Escape(ClientSweep.JsonAtMarker) + @"\$(\S*)\]");
        return at.Success ? Dotted(at.Groups[1].Value) : null;
    }

    /// <summary>Prism's violations of its own response: (location under the body, dotted; message).</summary>
    private static IEnumerable<(string At, string Message)> ResponseViolations(string failure) =>
        Regex.Matches(failure[failure.IndexOf(ClientSweep.PrismInvalidResponse, StringComparison.Ordinal)..], @"response\.body\.?([^:;\s]*): ([^;]*)")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim()));

    /// <summary>STJ's "$.a[0]['b']" as Prism's "a.0.b".</summary>
    private static string Dotted(string jsonPath) =>
        Regex.Replace(jsonPath, @"\[(\d+)\]|\['([^']*)'\]", m => "." + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).TrimStart('.');

    /// <summary>The proven cause of a failure, or null when it is unexplained (a generator bug until shown otherwise).</summary>
    public static string? Explain(string spec, CallOutcome outcome)
    {
        // Static mode: Prism served the spec's own example, invalid where the client failed (ExampleProof checks it with ajv).
        if (ExampleProof.Explain(spec, outcome) is { } exampleError) return exampleError;
        // Prism's sl-violations header is its own proof that the mock generated a response breaking the spec; it explains
        // the client's failure only where the client failed: on a value Prism names (or inside one).
        if (outcome.Failure is { } invalid && invalid.Contains(ClientSweep.PrismInvalidResponse, StringComparison.Ordinal))
        {
            if (FailsAtViolation(invalid)) return "Prism limitation: its mock response violates the spec at the value the client could not read (Prism's own sl-violations header)";
            if (MissingWherePrismOmitsThem(invalid)) return "Prism limitation: its mock response omits the required properties the client missed, at that value (Prism's own sl-violations header)";
            if (NoVariantWherePrismBreaksTheUnion(invalid)) return "Prism limitation: its mock response's value where the client's union matched no variant fails the spec's oneOf/anyOf there (Prism's own sl-violations header)";
        }
        // Dynamic mode, where the header does not settle it (cut short, or silent): ajv on the body the client received.
        if (ReceivedBodyProof.Explain(spec, outcome) is { } generatedInvalid) return generatedInvalid;
        if (outcome.Failure is not { } failure) return null;
        // A refusal lists several violations ("; "-joined): each one needs its own known cause.
        var parts = failure.StartsWith("request refused", StringComparison.Ordinal) ? failure.Split(" | ")[0].Split("; ") : [failure];
        var causes = parts.Select(part => All.FirstOrDefault(k => k.Explains(spec, outcome.Operation, part))?.Cause).ToList();
        return causes.All(c => c is not null) ? string.Join("; ", causes.Distinct()) : null;
    }
}
