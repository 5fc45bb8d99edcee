using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenApiGen.Reading;

/// <summary>
/// AutoRest's naming extensions, common in Azure specs: <c>x-ms-client-name</c> (the C# name of a schema, property or
/// parameter) and <c>x-ms-enum</c> (<c>name</c>: the enum type's name; <c>values[]</c>: each value's member name and
/// description; <c>modelAsString</c> needs nothing, as every generated enum keeps unknown values). Only a schema's own
/// extensions count: a $ref's target names its own type.
/// </summary>
public static class AutoRestNames
{
    public static string? ClientName(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference ? null : Text(schema.Extensions, "x-ms-client-name");

    public static string? ClientName(IOpenApiParameter parameter) => Text(parameter.Extensions, "x-ms-client-name");

    /// <summary>The enum type's name from <c>x-ms-enum.name</c>, for a schema that is itself an enum.</summary>
    public static string? EnumName(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference ? null : MsEnum(schema)?["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Wire value (as text) → (member name, description) from <c>x-ms-enum.values</c>.</summary>
    public static Dictionary<string, (string? Name, string? Description)> EnumValues(IOpenApiSchema schema)
    {
        var result = new Dictionary<string, (string? Name, string? Description)>(System.StringComparer.Ordinal);
        if (MsEnum(schema)?["values"] is not JsonArray values) return result;
        foreach (var entry in values.OfType<JsonObject>())
        {
            if (entry["value"] is not JsonValue value) continue;
            var key = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            result[key] = (StringOf(entry["name"]), StringOf(entry["description"]));
        }
        return result;
    }

    private static JsonObject? MsEnum(IOpenApiSchema schema) =>
        schema.Extensions is { } extensions && extensions.TryGetValue("x-ms-enum", out var extension) && extension is JsonNodeExtension { Node: JsonObject o } ? o : null;

    private static string? Text(IDictionary<string, IOpenApiExtension>? extensions, string key) =>
        extensions is not null && extensions.TryGetValue(key, out var extension) && extension is JsonNodeExtension { Node: var node } ? StringOf(node) : null;

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s && s.Trim().Length > 0 ? s : null;
}
