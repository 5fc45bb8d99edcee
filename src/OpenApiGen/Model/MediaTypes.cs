using System;

namespace OpenApiGen.Model;

/// <summary>What a media type says about a body: read while reading the spec and again while emitting it.</summary>
public static class MediaTypes
{
    public static BodyKind BodyKindOf(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "text/json") return BodyKind.Json;
        if (type == "multipart/form-data") return BodyKind.Multipart;
        if (type == "application/x-www-form-urlencoded") return BodyKind.Form;
        if (type.StartsWith("text/", StringComparison.Ordinal)) return BodyKind.Text;
        return BodyKind.Binary;
    }
}
