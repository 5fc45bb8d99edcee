using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>Recognizes the shape of a documented error body, so the server can fill it with errors it finds itself.</summary>
public static class ErrorShapeReader
{
    // RFC 9457 members; a schema made only of these (title, status or detail among them) is problem details.
    private static readonly HashSet<string> ProblemMembers = new(StringComparer.Ordinal) { "type", "title", "status", "detail", "instance" };

    /// <param name="detailMember">Where a <see cref="ErrorShape.Detail"/> body puts its text.</param>
    public static ErrorShape Of(string contentType, IOpenApiSchema? schema, References references, out string detailMember)
    {
        detailMember = "detail";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType == "application/problem+json") return ErrorShape.Problem;
        if (MediaTypes.BodyKindOf(contentType) != BodyKind.Json) return ErrorShape.Custom;
        var target = references.Schema(schema);
        if (target is null) return ErrorShape.Detail; // {}: any JSON value
        var properties = target.Properties ?? new Dictionary<string, IOpenApiSchema>();
        if (properties.TryGetValue("detail", out var detail) && IsValidationItems(references.Schema(detail), references)) return ErrorShape.Validation;
        if (properties.Count > 0 && properties.Keys.All(ProblemMembers.Contains) && properties.Keys.Any(k => k is "title" or "status" or "detail")) return ErrorShape.Problem;
        // An object with nothing required and no closed set of members takes FastAPI's {"detail": "..."}; one whose
        // only required member is text takes the text there (docker's ErrorResponse: {"message": "..."}).
        var isObject = target.Type is null or JsonSchemaType.Object || ((target.Type ?? 0) & JsonSchemaType.Object) != 0;
        var required = target.Required ?? new HashSet<string>();
        var closed = target is OpenApiSchema { AdditionalPropertiesAllowed: false } || target.AdditionalProperties is { } extra && extra.Type is not null && extra.Type != JsonSchemaType.String;
        var member = required.Count == 1 ? required.First() : "detail";
        var declared = properties.TryGetValue(member, out var m);
        var isText = declared ? (references.Schema(m)?.Type ?? JsonSchemaType.String).HasFlag(JsonSchemaType.String) : required.Count == 0;
        var fits = required.Count == 0 ? !closed : declared;
        if (!isObject || !isText || !fits || target.AllOf is { Count: > 0 } || target.OneOf is { Count: > 0 } || target.AnyOf is { Count: > 0 }) return ErrorShape.Custom;
        detailMember = member;
        return ErrorShape.Detail;
    }

    // detail: array of { loc: array, msg: string, type: string }
    private static bool IsValidationItems(IOpenApiSchema? detail, References references)
    {
        if (detail is null || ((detail.Type ?? 0) & JsonSchemaType.Array) == 0) return false;
        var item = references.Schema(detail.Items);
        return item?.Properties is { } members && members.ContainsKey("loc") && members.ContainsKey("msg") && members.ContainsKey("type");
    }
}
