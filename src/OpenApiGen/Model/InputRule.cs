namespace OpenApiGen.Model;

/// <summary>
/// What a request value must satisfy beyond its C# type, read from its schema for the server to check: required and
/// unknown members, string length, pattern and format, numeric bounds, item counts, enum. Null where the schema
/// constrains nothing, so only constrained inputs cost anything. Numbers are kept as the spec's text.
/// </summary>
public sealed record InputRule(
    EquatableArray<RuleProperty> Properties = default,
    EquatableArray<string> Required = default,
    bool Closed = false,
    InputRule? Items = null,
    InputRule? Values = null,
    int? MinItems = null,
    int? MaxItems = null,
    bool UniqueItems = false,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? Format = null,
    string? Minimum = null,
    string? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    string? MultipleOf = null,
    EquatableArray<string> Enum = default);

/// <summary>A member of an object rule, by its JSON name.</summary>
public sealed record RuleProperty(string Name, InputRule Rule);
