namespace OpenApiGen.Emit;

// The views the model templates read (Model, Union, Enum, JsonContext.sbncs): each member is a decision already made
// and escaped, named as the template names it. Text members are C# fragments; flags choose between template branches.

/// <summary>A model file: the namespace, the generator version and the model.</summary>
public sealed record ModelFileView<TModel>(string Namespace, string Version, TModel Model);

/// <summary>A record (Model.sbncs).</summary>
public sealed record ObjectView(
    string Name,
    string Doc,
    string Obsolete,
    string Modifiers,
    string BaseClause,
    string New,
    string[] Derived,
    bool PolymorphicRead,
    string DiscriminatorLiteral,
    CaseView[] Cases,
    PropertyView[] AllProperties,
    PropertyView[] Properties);

/// <summary>A discriminator's values (as literals) and the derived record they read.</summary>
public sealed record CaseView(string[] Tags, string Type);

/// <summary>
/// A record property. <see cref="Required"/>: the spec requires it (JSON metadata and attributes);
/// <see cref="RequiredKeyword"/>: C#'s <c>required</c>, which a constant with its value as <see cref="Initializer"/> does not need.
/// </summary>
public sealed record PropertyView(
    string Name,
    string JsonName,
    bool Required,
    bool RequiredKeyword,
    string Initializer,
    string RequiredLiteral,
    string NameLiteral,
    string Type,
    string Doc,
    string Obsolete);

/// <summary>A union struct (Union.sbncs) with the body of its JSON reader.</summary>
public sealed record UnionView(string Name, string Doc, string Obsolete, VariantView[] Variants, string[] ReadLines);

/// <summary>A union arm; <see cref="Constant"/> is the literal of a one-value arm, which is a static value, not a wrapped type.</summary>
public sealed record VariantView(string Name, string Index, string Type, string RuntimeType, bool Implicit, string? Constant);

/// <summary>An open enum struct (Enum.sbncs).</summary>
public sealed record EnumView(string Name, string Doc, string Obsolete, string BaseType, bool IsString, EnumMemberView[] Members, string Converter);

/// <summary>A known enum value: its member name and its C# literal.</summary>
public sealed record EnumMemberView(string Name, string Literal, string Doc);

/// <summary>The spec's JSON metadata resolver (JsonContext.sbncs): one line per serialized type.</summary>
public sealed record JsonContextView(string Namespace, string Version, string Client, string TitleDoc, string[] Lines, bool HasDateTime);
