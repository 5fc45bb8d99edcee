using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>
/// String and integer enums become value types that keep unknown values (a server adding a value must not break
/// old clients). Member names come from x-ms-enum values, x-enum-varnames or x-enumNames when present, else from the values.
/// </summary>
public static class EnumBuilder
{
    private static readonly string[] NameExtensions = { "x-enum-varnames", "x-enumNames", "x-enum-names" };
    private static readonly string[] DescriptionExtensions = { "x-enum-descriptions", "x-enumDescriptions" };

    public static bool IsEnum(IOpenApiSchema schema)
    {
        var values = NonNullValues(schema);
        if (values.Count == 0 || (schema.Properties?.Count ?? 0) > 0) return false;
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == JsonSchemaType.String || type == 0) return values.All(IsString) && (type != 0 || values.Count > 0);
        if (type == JsonSchemaType.Integer) return values.All(IsInteger);
        return false;
    }

    /// <summary>
    /// The value of a one-value string enum, which needs no type of its own: it is a string that has that value. An
    /// x-ms-enum name asks for a type, so it keeps one.
    /// </summary>
    public static string? ConstantOf(IOpenApiSchema schema)
    {
        if (!IsEnum(schema) || AutoRestNames.EnumName(schema) is not null) return null;
        var values = NonNullValues(schema);
        return values.Count == 1 && IsString(values[0]) ? values[0].GetValue<string>() : null;
    }

    public static ModelDef Build(string name, IOpenApiSchema schema, string pointer, ReadContext context)
    {
        var values = NonNullValues(schema);
        var isString = values.All(IsString);
        var baseType = isString ? "string" : schema.Format == "int64" || values.Any(v => !FitsInt(v)) ? "long" : "int";
        var names = Extension(schema, NameExtensions);
        var descriptions = Extension(schema, DescriptionExtensions);
        var autoRest = AutoRestNames.EnumValues(schema);
        var scope = new NameScope(ReservedNames.EnumMembers(name));
        var members = new List<EnumMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var text = isString ? values[i].GetValue<string>() : values[i].ToJsonString();
            if (!seen.Add(text)) continue;
            autoRest.TryGetValue(text, out var named);
            var wanted = named.Name ?? (i < names.Count && names[i] is { Length: > 0 } given ? given : text);
            var fallback = isString ? (text.Length == 0 ? "Empty" : "Value" + (i + 1).ToString(CultureInfo.InvariantCulture)) : "Value" + text.Replace("-", "Minus");
            var memberName = scope.Claim(Identifier.Pascal(wanted, fallback));
            members.Add(new EnumMember(memberName, text, named.Description ?? (i < descriptions.Count ? descriptions[i] : null)));
        }
        return new ModelDef(name, ModelKind.Enum, schema.Description, EquatableArray<PropertyDef>.Empty, EquatableArray<UnionVariant>.Empty, members.ToEquatableArray(), baseType);
    }

    private static List<JsonNode> NonNullValues(IOpenApiSchema schema) =>
        schema.Enum?.Where(v => v is not null && v.GetValueKind() != JsonValueKind.Null).Select(v => v!).ToList() ?? new List<JsonNode>();

    private static bool IsString(JsonNode node) => node.GetValueKind() == JsonValueKind.String;

    // Parsed from text: YAML and JSON readers hold numbers as different CLR types.
    private static bool IsInteger(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static bool FitsInt(JsonNode node) => int.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static List<string?> Extension(IOpenApiSchema schema, string[] keys)
    {
        foreach (var key in keys)
        {
            if (schema.Extensions is { } extensions && extensions.TryGetValue(key, out var extension) && extension is JsonNodeExtension { Node: JsonArray array })
            {
                return array.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList();
            }
        }
        return new List<string?>();
    }
}
