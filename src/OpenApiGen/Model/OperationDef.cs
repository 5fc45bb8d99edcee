namespace OpenApiGen.Model;

public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A parameter; <see cref="Style"/> is the OpenAPI style name (form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject).</summary>
public sealed record ParameterDef(string Name, string WireName, ParameterLocation In, TypeRef Type, bool Required, string? Description, string Style = "", bool Explode = false, InputRule? Rule = null, bool Deprecated = false);

public enum BodyKind
{
    Json,
    Text,
    Binary,
    Form,
    Multipart,
}

/// <summary>
/// A request body. Form and multipart bodies with known properties are flattened into <see cref="Fields"/>, one
/// method parameter each, because files are streams on the client and IFormFile on the server.
/// </summary>
/// <remarks><see cref="MediaTypes"/>: every documented media type, which a text or binary body on the server accepts.</remarks>
public sealed record RequestBodyDef(BodyKind Kind, string ContentType, TypeRef? Type, bool Required, string? Description, EquatableArray<FormFieldDef> Fields = default, InputRule? Rule = null, EquatableArray<string> MediaTypes = default);

/// <summary>One form field; <see cref="IsFile"/> fields are binary parts (an array of them when <see cref="IsArray"/>).</summary>
public sealed record FormFieldDef(string Name, string WireName, TypeRef Type, bool IsFile, bool IsArray, bool Required, string? Description, InputRule? Rule = null);

/// <summary>
/// How a documented body can carry errors the server builds itself (invalid input, a failed challenge): RFC 9457
/// problem details, FastAPI's HTTPValidationError (<c>detail[]</c> of loc/msg/type), an object that takes its text in
/// one member (<c>{"detail": text}</c>, or its one required text member: <c>{"message": text}</c>), or any other shape
/// (a generated hook builds it). None: no body documented.
/// </summary>
public enum ErrorShape
{
    None,
    Problem,
    Validation,
    Detail,
    Custom,
}

/// <summary>A documented response; <see cref="MemberName"/> names its factory on the server result type; <see cref="DetailMember"/> is where a <see cref="ErrorShape.Detail"/> body puts its text.</summary>
public sealed record ResponseDef(string StatusCode, string MemberName, string? ContentType, TypeRef? Type, bool IsBinary, string? Description, EquatableArray<HeaderDef> Headers = default, ErrorShape Shape = ErrorShape.None, string DetailMember = "detail")
{
    public bool IsSuccess => StatusCode.Length == 3 && StatusCode[0] == '2';
}

/// <summary>A documented response header: its wire name and description.</summary>
public sealed record HeaderDef(string Name, string? Description);

/// <summary>Schemes that must all be satisfied together (AND); an operation holds a list of these alternatives (OR).</summary>
public sealed record SecurityRequirementDef(EquatableArray<string> Schemes);

/// <summary>How a response streams its items: JSON per line (NDJSON, JSON Lines), RFC 7464 records, server-sent events, or a top-level JSON array.</summary>
public enum StreamKind
{
    JsonLines,
    JsonSeq,
    EventStream,
    JsonArray,
}

/// <summary>
/// A success response that can be read item by item as it arrives: its status, media type, kind and item type (for
/// server-sent events, the type of each event's JSON data; a string when the spec gives the data no schema).
/// </summary>
public sealed record StreamDef(string StatusCode, string MediaType, StreamKind Kind, TypeRef ItemType, string MemberName);

/// <summary>An operation. <see cref="ResultName"/> is its server result type, unique among the spec's types.</summary>
/// <remarks><see cref="Stream"/>: its streaming success response, which gets a …StreamAsync client method and a streaming server result.</remarks>
public sealed record OperationDef(
    string Name,
    string ResultName,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterDef> Parameters,
    RequestBodyDef? Body,
    EquatableArray<ResponseDef> Responses,
    EquatableArray<SecurityRequirementDef> Security,
    bool Deprecated = false,
    StreamDef? Stream = null);

/// <summary>Operations sharing a tag (or first path segment): one client class, one controller base and one minimal-API handler base.</summary>
public sealed record OperationGroup(string Name, string ControllerName, EquatableArray<OperationDef> Operations, string HandlerName = "");
