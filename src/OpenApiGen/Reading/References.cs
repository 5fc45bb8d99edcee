using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace OpenApiGen.Reading;

/// <summary>
/// The targets of local <c>$ref</c>s, taken once. OpenAPI.NET resolves a reference again on every property read of it (a
/// pointer split and a workspace lookup; 13% of reading github-api.json), so reading looks targets up here and reads
/// the target's properties directly.
/// </summary>
public sealed class References
{
    private readonly IDictionary<string, IOpenApiSchema> _schemas;
    private readonly IDictionary<string, IOpenApiResponse> _responses;

    public References(OpenApiDocument document)
    {
        _schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        _responses = document.Components?.Responses ?? new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal);
    }

    /// <summary>The schema a reference names (a component by name when it is one), else the schema itself.</summary>
    public IOpenApiSchema? Schema(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference
        ? reference.Reference is { IsExternal: false, Id: { } id } && _schemas.TryGetValue(id, out var component) && component is OpenApiSchema ? component : reference.Target
        : schema;

    /// <summary>The response a reference names, else the response itself.</summary>
    public IOpenApiResponse Response(IOpenApiResponse response) => response is OpenApiResponseReference reference
        ? reference.Reference is { IsExternal: false, Id: { } id } && _responses.TryGetValue(id, out var component) && component is OpenApiResponse ? component : reference.Target ?? response
        : response;
}
