namespace OpenApiGen.Model;

public enum ModelKind
{
    Object,
    Union,
    Enum,
}

/// <summary>A generated model type: an object record, a union struct or an enum-like struct.</summary>
public sealed record ModelDef(
    string Name,
    ModelKind Kind,
    string? Description,
    EquatableArray<PropertyDef> Properties,
    EquatableArray<UnionVariant> Variants,
    EquatableArray<EnumMember> EnumMembers,
    string EnumBase = "",
    string? Discriminator = null,
    string? BaseName = null,
    EquatableArray<PropertyDef> Inherited = default,
    EquatableArray<string> DerivedNames = default,
    EquatableArray<UnionVariant> DiscriminatorCases = default,
    bool Deprecated = false)
{
    /// <summary>Other records derive from this one (allOf with one $ref base): it is not sealed.</summary>
    public bool IsBase => DerivedNames.Count > 0;
}

/// <remarks><see cref="Deprecated"/>: the property's own schema says <c>deprecated: true</c> (a $ref's target marks its type instead).</remarks>
public sealed record PropertyDef(string Name, string JsonName, TypeRef Type, bool Required, string? Description, bool Deprecated = false);

/// <summary>One arm of an undiscriminated union; <see cref="Token"/> decides it when reading JSON.</summary>
/// <summary>One arm of a union; <see cref="Token"/> decides it when reading JSON, or one of <see cref="Tags"/> when the union has a discriminator.</summary>
public sealed record UnionVariant(string Name, TypeRef Type, JsonToken Token, EquatableArray<string> Tags = default);

public enum JsonToken
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>A known enum value; <see cref="Value"/> is the wire value as text (a string, or an integer's digits).</summary>
public sealed record EnumMember(string Name, string Value, string? Description);
