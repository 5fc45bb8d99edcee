using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Proof that a dynamic-mode failure is Prism's fault without relying on its sl-violations header (which Prism cuts
/// short as "Too many violations!"): tests/prism/check-example.js validates the exact body the client received with ajv
/// against the operation's response schema (prism-http's loader, the same dialect and options as for examples). The
/// failure is explained only when the body breaks the schema where the client failed. The client's path is relative
/// when it failed inside a union (the generated converter reads the variant on its own), so it is matched as the end
/// of ajv's instance path, segment by segment:
/// - STJ's "Path: $.a.b" (a value it could not convert): a violation other than a missing property at …/a/b;
/// - "missing required properties including: 'x', 'y'" [JSON at $.a]: one object at …/a that ajv finds missing all of them;
/// - "does not match any variant of U" [JSON at $.a]: a oneOf no variant matches (or a failed anyOf) at …/a.
/// A body ajv accepts there leaves the failure unexplained: the client could not read a valid response.
/// </summary>
public static class ReceivedBodyProof
{
    private static readonly Regex JsonAt = new(Regex.Escape(ClientSweep.JsonAtMarker) + @"\$(\S*)\]", RegexOptions.CultureInvariant);

    /// <summary>The Prism limitation behind a dynamic-mode response failure, or null when none is proven.</summary>
    public static string? Explain(string spec, CallOutcome outcome)
    {
        if (outcome is not { Mode: "dynamic", Failure: { } failure, ReceivedBody: { } text, ReceivedMediaType: { } mediaType }) return null;
        if (!ExampleProof.TryParse(outcome.Operation, failure, out var method, out var path, out var status)) return null;
        IReadOnlyList<ExampleViolation>? violations;
        try
        {
            using var body = JsonDocument.Parse(text);
            violations = ExampleProof.Checker(spec).CheckReceived(method, path, status, mediaType, body.RootElement);
        }
        catch (JsonException)
        {
            return null; // not JSON at all: nothing to validate
        }
        return violations is null || ViolationAtFailure(failure, violations) is not { } violation ? null
            : "Prism limitation: json-schema-faker (prism mock -d) generated a response for " + method + " " + path + " " + status
              + " that breaks the response schema at " + violation.Where + ": " + violation.Message
              + (violation is { Keyword: not "required", Value: { } value } ? " (it has " + value + ")" : "") + " (ajv on the body received)";
    }

    /// <summary>The violation at the place the client failed, or null.</summary>
    public static ExampleViolation? ViolationAtFailure(string failure, IReadOnlyList<ExampleViolation> violations)
    {
        // Only the client's own message counts, not Prism's violation list appended to it.
        var own = failure.Split(ClientSweep.PrismInvalidResponse)[0];
        if (ExampleProof.StjPath.Match(own) is { Success: true } converted)
        {
            var at = ExampleProof.StjSegments(converted.Groups[1].Value);
            // "$" alone is the value STJ started at: only the body itself is certain to be it.
            return violations.FirstOrDefault(v => v.Keyword != "required" && (at.Count == 0 ? v.Segments.Count == 0 : EndsWith(v.Segments, at)));
        }
        if (JsonAt.Match(own) is not { Success: true } marker) return null;
        var within = ExampleProof.StjSegments(marker.Groups[1].Value);
        var there = violations.Where(v => EndsWith(v.Segments, within)).ToList();
        if (ExampleProof.MissingRequired.Match(own) is { Success: true } missing)
        {
            var names = Regex.Matches(missing.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
            return there.Where(v => v is { Keyword: "required", MissingProperty: not null })
                .GroupBy(v => v.Path, StringComparer.Ordinal)
                .FirstOrDefault(g => names.All(n => g.Any(v => v.MissingProperty == n)))?
                .First(v => v.MissingProperty == names[0]);
        }
        return ExampleProof.NoVariant.IsMatch(own) ? there.FirstOrDefault(v => v.NoVariantMatched) : null;
    }

    private static bool EndsWith(IReadOnlyList<string> segments, IReadOnlyList<string> tail) =>
        segments.Count >= tail.Count && segments.Skip(segments.Count - tail.Count).SequenceEqual(tail, StringComparer.Ordinal);
}
