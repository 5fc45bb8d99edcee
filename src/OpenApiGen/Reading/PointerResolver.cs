using System;
using System.Collections;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Microsoft.OpenApi;

namespace OpenApiGen.Reading;

/// <summary>
/// Resolves local $refs that point into the document somewhere other than #/components/schemas/Name
/// (e.g. "#/components/responses/Conflict/content/application~1json/schema"), which the reader leaves unresolved.
/// Walks the object model by JSON pointer segments: dictionaries by key, properties by name.
/// </summary>
public static class PointerResolver
{
    public static IOpenApiSchema? ResolveSchema(OpenApiDocument document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        object? current = document;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            current = Step(current, segment);
            if (current is null) return null;
        }
        return current as IOpenApiSchema;
    }

    private static object? Step(object? current, string segment)
    {
        switch (current)
        {
            case null:
                return null;
            case IOpenApiPathItem pathItem when pathItem.Operations is { } operations:
                var method = operations.Keys.FirstOrDefault(m => string.Equals(m.Method, segment, StringComparison.OrdinalIgnoreCase));
                if (method is not null) return operations[method];
                break;
            case IDictionary dictionary:
                return dictionary.Contains(segment) ? dictionary[segment] : null;
            case IList list:
                return int.TryParse(segment, out var index) && index >= 0 && index < list.Count ? list[index] : null;
            case IEnumerable entries when current is not string:
                // Generic dictionaries that do not implement the non-generic IDictionary.
                foreach (var entry in entries)
                {
                    var type = entry?.GetType();
                    if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.KeyValuePair<,>)
                        && Equals(type.GetProperty("Key")!.GetValue(entry), segment))
                    {
                        return type.GetProperty("Value")!.GetValue(entry);
                    }
                }
                break;
        }
        var property = current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
        return property?.GetValue(current);
    }
}
