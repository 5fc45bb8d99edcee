using System.Text.Json;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Prism's sl-violations header: a JSON array of {location, code, message}. A location starting with "response" is
/// about the response (Prism's own mock output, or the upstream's answer behind `prism proxy`); the rest are about the request.
/// </summary>
public static class Violations
{
    /// <summary>The request's and the response's violations, one "location: message" each, "; "-joined; null when none.</summary>
    public static (string? Request, string? Response) Split(string? header)
    {
        if (header is null) return (null, null);
        // Past a limit Prism writes "Too many violations! [...]" (the array may be cut): judge by the locations it names.
        if (header.StartsWith("Too many violations!", StringComparison.Ordinal))
        {
            var text = header.Length > 600 ? header[..600] + "…" : header;
            return header.Contains("\"location\":[\"request\"", StringComparison.Ordinal) ? (text, null) : (null, text);
        }
        try
        {
            using var document = JsonDocument.Parse(header);
            // Warnings (e.g. a deprecated parameter) do not make Prism refuse anything.
            var all = document.RootElement.EnumerateArray().Where(IsError).Select(v =>
            (
                InResponse: v.TryGetProperty("location", out var l) && l.GetArrayLength() > 0 && l[0].GetString() == "response",
                Text: string.Join(".", v.TryGetProperty("location", out var p) ? p.EnumerateArray().Select(x => x.ToString()) : []) + ": " +
                    (v.TryGetProperty("message", out var m) ? m.GetString() : v.GetRawText())
            )).ToList();
            return (Join(all.Where(v => !v.InResponse).Select(v => v.Text)), Join(all.Where(v => v.InResponse).Select(v => v.Text)));
        }
        catch (JsonException)
        {
            return (header, null);
        }
    }

    private static bool IsError(JsonElement violation) =>
        !violation.TryGetProperty("severity", out var severity) || severity.ToString() is "Error" or "0";

    /// <summary>
    /// Whether a problem+json body is Prism's own: its typed problems, or {"type":"RangeError",...} (a JavaScript error's
    /// name), which Prism answers for an exception its response generator threw before (the first time it is typed).
    /// </summary>
    public static bool IsPrismProblem(string json) =>
        json.Contains("stoplight.io/prism/errors", StringComparison.Ordinal) || JavaScriptError(json) is not null;

    private static string? JavaScriptError(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
                && type.GetString() is { } name && System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Za-z]*Error$") ? name : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Prism's own problem+json refusal: its title, and each validation error when it lists them.</summary>
    public static string DescribeProblem(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : "Prism error";
            if (JavaScriptError(json) is { } error) return error + ": " + title;
            if (root.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Array)
            {
                return title + ": " + Split(validation.GetRawText()).Request;
            }
            // Prism puts a whole stack trace in detail when it fails itself: the first line names the error.
            return title + (root.TryGetProperty("detail", out var d) ? ": " + d.GetString()?.Split('\n')[0] : "");
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string? Join(IEnumerable<string> texts)
    {
        var distinct = texts.Distinct().ToList();
        return distinct.Count == 0 ? null : string.Join("; ", distinct);
    }
}
