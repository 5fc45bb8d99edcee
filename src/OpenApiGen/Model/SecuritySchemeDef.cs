namespace OpenApiGen.Model;

public enum SecurityKind
{
    ApiKey,
    Bearer,
    Basic,
}

/// <summary>A security scheme. <see cref="Key"/> is the spec's name, <see cref="Identifier"/> its C# member name.</summary>
public sealed record SecuritySchemeDef(string Key, string Identifier, SecurityKind Kind, ParameterLocation In, string? ParameterName);
