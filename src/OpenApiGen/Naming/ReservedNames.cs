using System;
using System.Collections.Generic;

namespace OpenApiGen.Naming;

/// <summary>
/// Every name the templates declare beside the spec's own: a spec name that would collide with one is moved aside.
/// When a template gains a member, its name goes here.
/// </summary>
public static class ReservedNames
{
    /// <summary>Types ClientCore, JsonContext, ServerSecurity and the webhook sender declare per spec.</summary>
    public static IEnumerable<string> SpecTypes(string clientName) => new[]
    {
        clientName + "Client", "I" + clientName + "Client", clientName + "ClientOptions", clientName + "ApiException", clientName + "JsonOptions", clientName + "JsonContext", clientName + "Response",
        clientName + "ClientServiceCollectionExtensions", clientName + "SecuritySchemes", clientName + "SecurityOptions",
        clientName + "SecurityExtensions", clientName + "SecurityHandler", clientName + "SecurityHandlerOptions", clientName + "File", clientName + "SecurityRequirementAttribute", clientName + "RedirectHandler",
    };

    /// <summary>Members and nested types of the client class (ClientCore); operation groups become members there too.</summary>
    public static HashSet<string> ClientMembers(string clientName) => new(StringComparer.Ordinal)
    {
        clientName, "JsonOptions", "BaseAddress", "SendAsync", "ReadJsonAsync", "CreateExceptionAsync", "Headers", "Format",
        "RequestBuilder", "ResponseStream", "DefaultJsonOptions", "JsonInfo", "ToJson", "ToElement", "Part", "Quote", "AsciiFallback",
        "IsJson", "TextElement", "Describe",
    };

    /// <summary>Properties of the client options besides one per security scheme.</summary>
    public static readonly string[] ClientOptionsMembers = { "BaseAddress", "JsonSerializerOptions" };

    /// <summary>Parameters every client method may have besides the operation's own.</summary>
    public static readonly string[] MethodParameters = { "cancellationToken", "body" };

    /// <summary>Members every record has (C#'s own and Model.sbncs's JSON metadata): a property by such a name would not compile.</summary>
    public static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize", "CreateJsonTypeInfo", "CreateObjectJsonTypeInfo", "PolymorphicJsonConverter",
    };

    /// <summary>Members of a union struct (Union.sbncs); a constant variant is a static member by its bare name.</summary>
    public static IEnumerable<string> UnionMembers(string unionName) => new[] { unionName, "Match", "ToString", "Equals", "GetHashCode", "GetType", "PrintMembers", "Deconstruct" };

    /// <summary>Members of an open enum struct (Enum.sbncs), which its known values must not take.</summary>
    public static IEnumerable<string> EnumMembers(string enumName) => new[] { enumName, "Value", "IsKnown", "KnownValues", "ToString", "Equals", "GetHashCode", "GetType", "Parse", "TryParse" };
}
