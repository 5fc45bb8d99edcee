using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Template views for ASP.NET Core controller bases, result types and security handlers.</summary>
public static class ServerViews
{
    public static ServerSecurityView Security(SpecContext context) => new(
        context.Namespace,
        SourceEmitter.Version,
        context.ClientName,
        context.SecuritySchemes.Select(s => new ServerSchemeView(
            s.Identifier,
            CSharp.Literal(context.Namespace + "." + s.Key),
            SecurityCode.ValidatorDoc(s),
            SecurityCode.ValidatorType(s),
            SecurityCode.FixedParameters(s),
            SecurityCode.FixedValidator(s),
            SecurityCode.ServerReadCredential(s),
            SecurityCode.ValidateCall(s),
            SecurityCode.CredentialLocation(s))).ToArray());

    public static ServerInputView Input(SpecContext context) => new(context.Namespace, SourceEmitter.Version, context.ClientName, context.Mvc, context.MinimalApi);

    public static ServerGroupView Group(SpecContext context, OperationGroup group)
    {
        group = group with { Operations = group.Operations.Select(WithoutIgnoredHeaders).ToEquatableArray() };
        var rules = new InputRuleCode(context);
        var operations = group.Operations.Select(op => Operation(context, op, rules)).ToArray();
        return GroupView(context, group, operations, rules);
    }

    // OpenAPI: header parameters named Accept, Content-Type or Authorization SHALL be ignored; the server takes the body's
    // media types and the security schemes for those (docker's /build declares Content-type with a media type its body
    // does not list, which refused every valid request). The client still sends them: servers in the wild may want them.
    private static readonly HashSet<string> IgnoredHeaders = new(System.StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization" };

    internal static OperationDef WithoutIgnoredHeaders(OperationDef op) => op.Parameters.Any(IsIgnored)
        ? op with { Parameters = op.Parameters.Where(p => !IsIgnored(p)).ToEquatableArray() }
        : op;

    private static bool IsIgnored(ParameterDef p) => p.In == ParameterLocation.Header && IgnoredHeaders.Contains(p.WireName);

    private static ServerGroupView GroupView(SpecContext context, OperationGroup group, ServerOperationView[] operations, InputRuleCode rules) => new(
        context.Namespace,
        SourceEmitter.Version,
        new ServerGroupInfo(
            group.Name,
            group.ControllerName,
            operations,
            rules.Fields,
            group.Operations.Any(op => rules.Checks(op).Count > 0),
            // Cookies the styled binders cannot take (unions) use the TypeDescriptor-based CookieBinder.
            group.Operations.Any(op => op.Parameters.Any(p => p.In == ParameterLocation.Cookie && StyledBinder(p, context.Namespace) is null)),
            group.Operations.Any(op => op.Parameters.Any(p => StyledBinder(p, ns: context.Namespace) is not null)
                || op.Body?.Fields.Any(f => !f.IsFile && InputErrors.IsString(f.Type)) == true),
            group.Operations.Any(op => op.Body is { Kind: BodyKind.Text or BodyKind.Binary, Fields.Count: 0 })),
        context.ClientName,
        // With a minimal-API server too, the result types are declared once, by the minimal-API file, for both.
        !context.MinimalApi);

    // Primitive items MVC's delimited binder can parse through IParsable<T> (open enums implement it too).
    private static readonly HashSet<string> ParsableItems = new(System.StringComparer.Ordinal)
    {
        "string", "int", "long", "ulong", "float", "double", "decimal", "bool", "global::System.Guid", "global::System.DateTimeOffset",
        "global::System.DateOnly", "global::System.TimeOnly", "global::System.Uri",
    };

    internal static bool IsParsable(TypeRef type) =>
        !type.Nullable && ((type.Kind == TypeKind.Primitive && ParsableItems.Contains(type.Name) && type.Name != "global::System.Uri")
            || (type.Kind == TypeKind.Named && type.IsValueType && type.Name.Length > 0));

    /// <summary>
    /// The binder a styled parameter needs, or null when MVC binds it as is (scalars, form/explode query arrays,
    /// simple header arrays). Objects bind through the generated JSON metadata; arrays and label/matrix scalars split.
    /// </summary>
    private static string? StyledBinder(ParameterDef p, string ns)
    {
        var type = p.Type with { Nullable = false };
        if (ClientViews.IsObject(type)) return "ObjectBinder<" + CSharp.AttributeType(type, ns) + ">";
        if (ClientViews.IsArray(type))
        {
            var mvcSplits = (p.In == ParameterLocation.Query && p.Style == "form" && p.Explode) || p.In == ParameterLocation.Header;
            return !mvcSplits && IsParsable(type.Item!) ? "DelimitedBinder<" + CSharp.AttributeType(type.Item!, ns) + ">" : null;
        }
        // Scalar cookies bind through IParsable<T> too: no TypeDescriptor, so nothing to warn about under trimming.
        // So do query and header strings: MVC's own binder turns a present "" into null, but "" is a value.
        var parsed = (p.In == ParameterLocation.Cookie || (p.In == ParameterLocation.Path && p.Style is "label" or "matrix")) && IsParsable(type)
            || (p.In is ParameterLocation.Query or ParameterLocation.Header && InputErrors.IsString(type));
        return parsed ? "DelimitedBinder<" + CSharp.AttributeType(type, ns) + ">" : null;
    }

    private static ServerOperationView Operation(SpecContext context, OperationDef op, InputRuleCode rules)
    {
        var ns = context.Namespace;
        var implicitSource = op.Responses.FirstOrDefault(r => r.IsSuccess && r.Type is not null);
        var implicitAllowed = implicitSource?.Type is { } t && t.Kind != TypeKind.Array && t.Kind != TypeKind.Map;
        return new ServerOperationView(
            op.Name,
            "global::" + ns + "." + op.ResultName,
            op.ResultName,
            CSharp.DocComment(op.Summary ?? op.Description, "        ", op.Summary is null ? null : op.Description),
            HttpAttribute(op.Method),
            CSharp.Literal(op.Path.TrimStart('/')),
            Attributes(context, op),
            ServerParameters(op, ns),
            op.Responses.Select(r => Result(r, ns)).Concat(MinimalApiViews.StreamResult(context, op, minimal: false)).ToArray(),
            op.Stream is not null,
            implicitAllowed ? CSharp.Type(implicitSource!.Type!, ns) : null,
            implicitSource?.MemberName,
            rules.Checks(op),
            CSharp.Literal(op.Name));
    }

    private static string HttpAttribute(string method) => method switch
    {
        "GET" => "HttpGet",
        "PUT" => "HttpPut",
        "POST" => "HttpPost",
        "DELETE" => "HttpDelete",
        "HEAD" => "HttpHead",
        "OPTIONS" => "HttpOptions",
        "PATCH" => "HttpPatch",
        _ => "HttpGet",
    };

    private static List<string> Attributes(SpecContext context, OperationDef op)
    {
        var attributes = new List<string>();
        var known = context.SecuritySchemes.ToDictionary(s => s.Key);
        var alternatives = op.Security.Where(r => r.Schemes.All(known.ContainsKey)).ToList();
        if (SecurityArguments(context, op) is { } arguments)
        {
            attributes.Add("[global::" + context.Namespace + "." + context.ClientName + "SecurityRequirement(" + arguments + ")]");
        }
        if (op.Parameters.Count > 0 || op.Body is not null) attributes.Add(InputErrors.Attribute(context, op));
        if (alternatives.Count > 0 && InputErrors.Challenge(context, op) is { } challenge) attributes.Add(challenge);
        if (op.Body is { Kind: BodyKind.Form or BodyKind.Multipart } requestBody)
        {
            attributes.Add("[global::Microsoft.AspNetCore.Mvc.Consumes(" + CSharp.Literal(requestBody.ContentType.Split(';')[0].Trim()) + ")]");
        }
        foreach (var response in op.Responses)
        {
            if (!int.TryParse(response.StatusCode, out var code)) continue;
            attributes.Add(response.Type is null
                ? "[global::Microsoft.AspNetCore.Mvc.ProducesResponseType(" + CSharp.Int(code) + ")]"
                : "[global::Microsoft.AspNetCore.Mvc.ProducesResponseType<" + CSharp.AttributeType(response.Type, context.Namespace) + ">(" + CSharp.Int(code) + ", " + CSharp.Literal(response.ContentType) + ")]");
        }
        return attributes;
    }

    private static string ServerParameters(OperationDef op, string ns)
    {
        var parts = new List<string>();
        foreach (var p in op.Parameters)
        {
            if (StyledBinder(p, ns) is { } binder)
            {
                var where = p.In.ToString().ToLowerInvariant();
                var bindRequired = p.Required && p.In != ParameterLocation.Path ? "[global::Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] " : "";
                parts.Add(bindRequired + InputErrors.AllowEmptyString(p.Type) + "[global::Microsoft.AspNetCore.Mvc.ModelBinder(typeof(" + binder + "), Name = " + CSharp.Literal(p.WireName) + ")] [ParameterStyle(" +
                    CSharp.Literal(where) + ", " + CSharp.Literal(p.Style) + ", " + (p.Explode ? "true" : "false") + ")] " + CSharp.Type(p.Type, ns) + " " + p.Name);
                continue;
            }
            var attribute = p.In switch
            {
                ParameterLocation.Path => "global::Microsoft.AspNetCore.Mvc.FromRoute(Name = ",
                ParameterLocation.Header => "global::Microsoft.AspNetCore.Mvc.FromHeader(Name = ",
                // MVC has no [FromCookie]: the controller base carries a small binder for cookies.
                ParameterLocation.Cookie => "global::Microsoft.AspNetCore.Mvc.ModelBinder(typeof(CookieBinder), Name = ",
                _ => "global::Microsoft.AspNetCore.Mvc.FromQuery(Name = ",
            };
            // Required query/header/cookie values must be present: MVC would otherwise bind a default (0, "") silently.
            var required = p.Required && p.In != ParameterLocation.Path ? "[global::Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] " : "";
            parts.Add(required + "[" + attribute + CSharp.Literal(p.WireName) + ")] " + CSharp.Type(p.Type, ns) + " " + p.Name);
        }
        if (op.Body is { Fields.Count: > 0 } form)
        {
            foreach (var f in form.Fields)
            {
                var type = f.IsFile
                    ? (f.IsArray ? "global::System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Http.IFormFile>" : "global::Microsoft.AspNetCore.Http.IFormFile") + (f.Required ? "" : "?")
                    : CSharp.Type(f.Type, ns);
                var required = f.Required ? "[global::Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] " : "";
                var source = !f.IsFile && InputErrors.IsString(f.Type)
                    ? InputErrors.AllowEmptyString(f.Type) + "[global::Microsoft.AspNetCore.Mvc.ModelBinder(typeof(DelimitedBinder<string>), Name = " + CSharp.Literal(f.WireName) + ")] [ParameterStyle(\"form\", \"form\", true)] "
                    : "[global::Microsoft.AspNetCore.Mvc.FromForm(Name = " + CSharp.Literal(f.WireName) + ")] ";
                parts.Add(required + source + type + " " + f.Name);
            }
        }
        else if (op.Body is { } body)
        {
            var source = body.Kind switch
            {
                BodyKind.Form or BodyKind.Multipart => "[global::Microsoft.AspNetCore.Mvc.FromForm] ",
                // MVC has no input formatter for text or binary bodies (it would answer 415): the controller base's binder reads them.
                BodyKind.Text or BodyKind.Binary => "[global::Microsoft.AspNetCore.Mvc.ModelBinder(typeof(RawBodyBinder))] [BodyMediaTypes(" + string.Join(", ", body.MediaTypes.Select(CSharp.Literal)) + ")] ",
                _ => "[global::Microsoft.AspNetCore.Mvc.FromBody] ",
            };
            parts.Add(source + CSharp.Type(body.Required ? body.Type! : body.Type!.AsNullable(), ns) + " body");
        }
        parts.Add("global::System.Threading.CancellationToken cancellationToken");
        return string.Join(", ", parts);
    }

    internal static ResultView Result(ResponseDef response, string ns)
    {
        var fixedCode = int.TryParse(response.StatusCode, out var code);
        var status = fixedCode ? CSharp.Int(code) : "statusCode";
        var parameters = new List<string>();
        if (!fixedCode) parameters.Add("int statusCode");
        if (response.Type is not null) parameters.Add(CSharp.Type(response.Type, ns) + " value");
        var arguments = status + ", " + (response.Type is null ? "null" : "value") + ", " + CSharp.Literal(response.ContentType);
        var doc = response.StatusCode + ": " + (response.Description ?? "");
        return new ResultView(response.MemberName, string.Join(", ", parameters), arguments, CSharp.DocComment(doc, "        "));
    }

    /// <summary>
    /// The security requirement's constructor arguments: one per alternative (OR), schemes inside one joined by \u001F
    /// (AND); null when the operation is anonymous or one alternative needs nothing.
    /// </summary>
    internal static string? SecurityArguments(SpecContext context, OperationDef op)
    {
        var known = context.SecuritySchemes.ToDictionary(s => s.Key);
        var alternatives = op.Security.Where(r => r.Schemes.All(known.ContainsKey)).ToList();
        if (alternatives.Count == 0 || !alternatives.All(a => a.Schemes.Count > 0)) return null;
        var arguments = alternatives.Select(a => string.Join(" + \"\\u001F\" + ", a.Schemes.Select(k => "global::" + context.Namespace + "." + context.ClientName + "SecuritySchemes." + known[k].Identifier)));
        return string.Join(", ", arguments);
    }
}

/// <summary>One factory of a server result type: its member name, parameters, constructor arguments and doc comment.</summary>
public sealed record ResultView(string Member, string Parameters, string Arguments, string Doc);

/// <summary>The security handlers (ServerSecurity.sbncs): per scheme, how its credential is read and checked.</summary>
public sealed record ServerSecurityView(string Namespace, string Version, string Client, ServerSchemeView[] Schemes);

public sealed record ServerSchemeView(
    string Identifier,
    string SchemeName,
    string ValidatorDoc,
    string ValidatorType,
    string FixedParameters,
    string FixedValidator,
    string ReadCredential,
    string ValidateCall,
    string CredentialLocation);

/// <summary>The server's input checks (ServerInput.sbncs), for the MVC and minimal-API servers the compilation has.</summary>
public sealed record ServerInputView(string Namespace, string Version, string Client, bool Mvc, bool MinimalApi);

/// <summary>A group's controller base (ServerGroup.sbncs); <see cref="DeclareResults"/>: this file declares the result types.</summary>
public sealed record ServerGroupView(string Namespace, string Version, ServerGroupInfo Group, string Client, bool DeclareResults);

/// <summary>
/// A group's operations and which binders and rule fields its controller needs: <see cref="Checked"/> (some operation
/// checks input rules), <see cref="HasCookies"/>, <see cref="HasStyled"/> and <see cref="HasRawBodies"/>.
/// </summary>
public sealed record ServerGroupInfo(
    string Name,
    string ControllerName,
    ServerOperationView[] Operations,
    List<RuleField> Rules,
    bool Checked,
    bool HasCookies,
    bool HasStyled,
    bool HasRawBodies);

/// <summary>One controller action and its result type: route, attributes, parameters, the results it can return and its input checks.</summary>
public sealed record ServerOperationView(
    string Name,
    string ResultName,
    string ResultTypeName,
    string Doc,
    string HttpAttribute,
    string Route,
    List<string> Attributes,
    string ServerParameters,
    ResultView[] Results,
    bool Streams,
    string? ImplicitFrom,
    string? ImplicitMember,
    List<string> Checks,
    string NameLiteral);
