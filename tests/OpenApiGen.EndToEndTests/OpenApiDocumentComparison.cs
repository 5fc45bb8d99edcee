using System.Text.Json;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Holds the OpenAPI document an app produces (Microsoft.AspNetCore.OpenApi) against the spec it was generated from:
/// operations (method and path), parameters (location and name), documented status codes, request media types and
/// the property names of the spec's component schemas. Each difference is one line, stable across runs.
/// </summary>
public static class OpenApiDocumentComparison
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static List<string> Compare(JsonElement spec, JsonElement produced)
    {
        var differences = new List<string>();
        var expected = Operations(spec);
        var actual = Operations(produced);
        foreach (var key in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal)) differences.Add($"{key}: operation missing");
        foreach (var key in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal)) differences.Add($"{key}: operation not in the spec");
        foreach (var key in expected.Keys.Intersect(actual.Keys).Order(StringComparer.Ordinal))
        {
            var (want, have) = (expected[key], actual[key]);
            Diff(differences, key, "parameter", want.Parameters, have.Parameters);
            Diff(differences, key, "status", want.Statuses, have.Statuses);
            Diff(differences, key, "request media type", want.MediaTypes, have.MediaTypes);
        }
        var producedSchemas = produced.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
            ? schemas : default;
        if (spec.TryGetProperty("components", out var specComponents) && specComponents.TryGetProperty("schemas", out var specSchemas))
        {
            foreach (var schema in specSchemas.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
                // The document names a schema after its C# type: "UserSecrets-Input" is the type UserSecretsInput.
                var typeName = new string(schema.Name.Where(char.IsAsciiLetterOrDigit).ToArray());
                if (producedSchemas.ValueKind != JsonValueKind.Object
                    || !(producedSchemas.TryGetProperty(schema.Name, out var other) || producedSchemas.TryGetProperty(typeName, out other)))
                {
                    differences.Add($"schema {schema.Name}: missing");
                    continue;
                }
                var have = other.TryGetProperty("properties", out var otherProperties)
                    ? otherProperties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                Diff(differences, "schema " + schema.Name, "property", properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal), have);
            }
        }
        return differences;
    }

    private static void Diff(List<string> differences, string where, string what, HashSet<string> expected, HashSet<string> actual)
    {
        foreach (var item in expected.Except(actual).Order(StringComparer.Ordinal)) differences.Add($"{where}: {what} {item} missing");
        foreach (var item in actual.Except(expected).Order(StringComparer.Ordinal)) differences.Add($"{where}: {what} {item} not in the spec");
    }

    private sealed record Operation(HashSet<string> Parameters, HashSet<string> Statuses, HashSet<string> MediaTypes);

    private static Dictionary<string, Operation> Operations(JsonElement document)
    {
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        if (!document.TryGetProperty("paths", out var paths)) return operations;
        foreach (var path in paths.EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var pathParameters) ? Parameters(document, pathParameters) : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = new HashSet<string>(shared, StringComparer.Ordinal);
                if (method.Value.TryGetProperty("parameters", out var own)) parameters.UnionWith(Parameters(document, own));
                var statuses = method.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                var mediaTypes = method.Value.TryGetProperty("requestBody", out var body) && Resolve(document, body).TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(c => c.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                operations[$"{method.Name.ToUpperInvariant()} {path.Name}"] = new Operation(parameters, statuses, mediaTypes);
            }
        }
        return operations;
    }

    private static IEnumerable<string> Parameters(JsonElement document, JsonElement parameters) =>
        parameters.EnumerateArray().Select(p => Resolve(document, p)).Select(p => p.GetProperty("in").GetString() + ":" + p.GetProperty("name").GetString());

    // A local $ref ("#/components/parameters/Limit") to what it points at.
    private static JsonElement Resolve(JsonElement document, JsonElement element)
    {
        if (!element.TryGetProperty("$ref", out var reference) || reference.GetString() is not { } pointer || !pointer.StartsWith("#/", StringComparison.Ordinal)) return element;
        var target = document;
        foreach (var segment in pointer[2..].Split('/')) target = target.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return target;
    }
}
