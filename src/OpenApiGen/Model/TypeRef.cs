namespace OpenApiGen.Model;

public enum TypeKind
{
    /// <summary>A built-in type; <see cref="TypeRef.Name"/> is its global:: qualified name.</summary>
    Primitive,
    /// <summary>A generated model type; <see cref="TypeRef.Name"/> is the C# type name in the spec's namespace.</summary>
    Named,
    Array,
    Map,
    /// <summary>Untypeable JSON: System.Text.Json.JsonElement.</summary>
    Json,
}

/// <summary>A C# type reference in the model, free of Roslyn and OpenAPI.NET types.</summary>
/// <remarks>
/// <see cref="Constant"/>: the one value a one-value string enum allows (OpenAI's <c>type: {enum: [response.created]}</c>,
/// Stripe's <c>enum: [""]</c>). Such a value is a <c>string</c> with a known value, not a type of its own.
/// </remarks>
public sealed record TypeRef(TypeKind Kind, string Name, bool IsValueType, TypeRef? Item = null, bool Nullable = false, string? Constant = null)
{
    public static TypeRef Primitive(string name, bool isValueType) => new(TypeKind.Primitive, name, isValueType);

    public static TypeRef ConstantString(string value) => new(TypeKind.Primitive, "string", false, Constant: value);

    public static TypeRef Named(string name, bool isValueType) => new(TypeKind.Named, name, isValueType);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, "", false, item);

    public static TypeRef MapOf(TypeRef item) => new(TypeKind.Map, "", false, item);

    public static readonly TypeRef JsonElement = new(TypeKind.Json, "global::System.Text.Json.JsonElement", true);

    public TypeRef AsNullable() => this with { Nullable = true };
}
