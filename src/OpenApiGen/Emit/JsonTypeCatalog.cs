using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Every runtime type a spec's generated code hands to System.Text.Json, so the generated resolver can build
/// their metadata without reflection. System.Text.Json's own source generator cannot see generated types.
/// </summary>
public static class JsonTypeCatalog
{
    // JsonMetadataServices converters for the built-in types the schema mapper produces.
    private static readonly Dictionary<string, string> BuiltIns = new(System.StringComparer.Ordinal)
    {
        ["string"] = "StringConverter",
        ["bool"] = "BooleanConverter",
        ["int"] = "Int32Converter",
        ["long"] = "Int64Converter",
        ["ulong"] = "UInt64Converter",
        ["float"] = "SingleConverter",
        ["double"] = "DoubleConverter",
        ["decimal"] = "DecimalConverter",
        ["byte[]"] = "ByteArrayConverter",
        ["global::System.DateTime"] = "DateTimeConverter",
        ["global::System.DateOnly"] = "DateOnlyConverter",
        ["global::System.TimeOnly"] = "TimeOnlyConverter",
        ["global::System.TimeSpan"] = "TimeSpanConverter",
        ["global::System.Guid"] = "GuidConverter",
        ["global::System.Uri"] = "UriConverter",
        ["global::System.Text.Json.JsonElement"] = "JsonElementConverter",
    };

    /// <summary>The JSON context's own DateTimeOffset converter (emitted only when a spec has date-times).</summary>
    public const string DateTimeConverter = "Rfc3339DateTimeOffsetConverter";

    /// <summary>The runtime's one JSON converter for every open enum of this wire type.</summary>
    public static string OpenEnumConverter(string enumBase) => enumBase switch
    {
        "string" => "OpenStringEnumConverter",
        "long" => "OpenInt64EnumConverter",
        _ => "OpenInt32EnumConverter",
    };

    public static EquatableArray<JsonTypeEntry> Build(ApiSpec spec)
    {
        var ns = spec.Context.Namespace;
        var models = spec.Models.ToDictionary(m => m.Name, System.StringComparer.Ordinal);
        var entries = new Dictionary<string, JsonTypeEntry>(System.StringComparer.Ordinal);

        void Add(TypeRef type)
        {
            var name = CSharp.RuntimeType(type, ns);
            if (entries.ContainsKey(name)) return;
            if (type.Nullable && type.IsValueType)
            {
                var underlying = type with { Nullable = false };
                entries[name] = new JsonTypeEntry(name, JsonShape.Nullable, CSharp.RuntimeType(underlying, ns));
                Add(underlying);
                return;
            }
            switch (type.Kind)
            {
                case TypeKind.Array:
                    entries[name] = new JsonTypeEntry(name, JsonShape.List, CSharp.RuntimeType(type.Item!, ns));
                    Add(type.Item!);
                    return;
                case TypeKind.Map:
                    entries[name] = new JsonTypeEntry(name, JsonShape.Map, CSharp.RuntimeType(type.Item!, ns));
                    Add(TypeRef.Primitive("string", false)); // the key type
                    Add(type.Item!);
                    return;
                case TypeKind.Named when models.TryGetValue(type.Name, out var model):
                    entries[name] = model.Kind switch
                    {
                        ModelKind.Object => new JsonTypeEntry(name, JsonShape.Object, ""),
                        ModelKind.Enum => new JsonTypeEntry(name, JsonShape.Converter, "global::OpenApiGen.Runtime." + OpenEnumConverter(model.EnumBase) + "<" + name + ">"),
                        _ => new JsonTypeEntry(name, JsonShape.Converter, "global::OpenApiGen.Runtime.UnionConverter<" + name + ">"),
                    };
                    break;
                case TypeKind.Primitive when type.Name == "global::System.DateTimeOffset":
                    // The context's own converter: RFC 3339 admits date-times that System.Text.Json's does not.
                    entries[name] = new JsonTypeEntry(name, JsonShape.Converter, DateTimeConverter);
                    break;
                case TypeKind.Primitive or TypeKind.Json when BuiltIns.TryGetValue(type.Name, out var converter):
                    entries[name] = new JsonTypeEntry(name, JsonShape.Value, converter);
                    break;
                default:
                    return; // streams and unknown names never travel as JSON
            }
            // Optional value-typed properties and parameters are Nullable<T>.
            if (type.IsValueType) Add(type with { Nullable = true });
        }

        foreach (var model in spec.Models)
        {
            Add(TypeRef.Named(model.Name, model.Kind != ModelKind.Object));
            foreach (var property in model.Properties) Add(property.Type);
            foreach (var variant in model.Variants) Add(variant.Type);
        }
        foreach (var operation in spec.Groups.Concat(spec.Notifications).SelectMany(g => g.Operations))
        {
            // Object parameters travel as JSON-shaped key/value pairs (styles) or JSON text (cookies).
            foreach (var parameter in operation.Parameters) Add(parameter.Type);
            if (operation.Body?.Type is { } body) Add(body);
            foreach (var field in operation.Body?.Fields ?? EquatableArray<FormFieldDef>.Empty) Add(field.Type);
            foreach (var response in operation.Responses)
            {
                if (response.Type is { } type) Add(type);
            }
            if (operation.Stream is { } stream) Add(stream.ItemType);
        }
        return entries.Values.OrderBy(e => e.TypeName, System.StringComparer.Ordinal).ToEquatableArray();
    }
}
