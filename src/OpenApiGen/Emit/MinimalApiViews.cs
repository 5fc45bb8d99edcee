using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Template views for minimal-API servers: a handler base per group, its Map…Endpoints method and request delegates
/// that bind every parameter by location, style and explode through the runtime's EndpointInput (no MVC, no reflection).
/// </summary>
public static class MinimalApiViews
{
    public static MinimalEndpointsView Endpoints(SpecContext context, EquatableArray<string> groups) =>
        new(context.Namespace, SourceEmitter.Version, context.ClientName, MapAllName(context, groups), groups.ToArray());

    // Map{Client}Endpoints, unless a group of the same name already maps itself by that name.
    private static string MapAllName(SpecContext context, EquatableArray<string> groups) =>
        groups.Contains(context.ClientName) ? "Map" + context.ClientName + "ApiEndpoints" : "Map" + context.ClientName + "Endpoints";

    public static MinimalGroupView Group(SpecContext context, OperationGroup group)
    {
        group = group with { Operations = group.Operations.Select(ServerViews.WithoutIgnoredHeaders).ToEquatableArray() };
        var rules = new InputRuleCode(context);
        var operations = group.Operations.Select(op => Operation(context, group, op, rules)).ToArray();
        return new MinimalGroupView(
            context.Namespace,
            SourceEmitter.Version,
            context.ClientName,
            context.Mvc,
            new MinimalGroupInfo(group.Name, group.HandlerName, group.Name + "Requests", operations, rules.Fields.ToArray()));
    }

    private static MinimalOperationView Operation(SpecContext context, OperationGroup group, OperationDef op, InputRuleCode rules)
    {
        var ns = context.Namespace;
        var parameters = new List<string>();
        var arguments = new List<string>();
        var body = new List<string>();
        var bindings = new List<string>();
        var checks = new List<string>();
        var index = 0;
        var required = new List<bool>();

        // The body first: a form must be read before its fields bind, and a wrong media type is 415 before anything else.
        if (op.Body is { } requestBody)
        {
            if (requestBody.Kind is BodyKind.Form or BodyKind.Multipart)
            {
                body.Add("await input.ReadFormAsync().ConfigureAwait(false);");
            }
            else if (requestBody.Kind == BodyKind.Json)
            {
                body.Add("await input.ReadJsonAsync(" + Bool(requestBody.Required) + ").ConfigureAwait(false);");
            }
        }

        foreach (var p in op.Parameters)
        {
            var local = "arg" + index++;
            parameters.Add(Source(context, p.In.ToString(), p.WireName) + CSharp.Type(p.Type, ns) + " " + p.Name);
            required.Add(p.Required);
            arguments.Add(local);
            bindings.Add(Binding(context, p.Type, local, p.In.ToString().ToLowerInvariant(), p.WireName, p.Style, p.Explode, p.Required));
            if (p.Rule is not null) checks.Add(Check(rules, p.Rule, local, p.In.ToString().ToLowerInvariant(), p.WireName));
        }

        if (op.Body is { Fields.Count: > 0 } form)
        {
            foreach (var f in form.Fields)
            {
                var local = "arg" + index++;
                arguments.Add(local);
                required.Add(f.Required);
                if (f.IsFile)
                {
                    var type = (f.IsArray ? "global::System.Collections.Generic.IReadOnlyList<global::Microsoft.AspNetCore.Http.IFormFile>" : "global::Microsoft.AspNetCore.Http.IFormFile") + (f.Required ? "" : "?");
                    parameters.Add(Source(context, "Form", f.WireName) + type + " " + f.Name);
                    var read = f.IsArray ? "Files" : "File";
                    bindings.Add("var " + local + " = input." + read + "(" + CSharp.Literal(f.WireName) + ", " + Bool(f.Required) + ")" + (f.Required ? "!" : "") + ";");
                    continue;
                }
                parameters.Add(Source(context, "Form", f.WireName) + CSharp.Type(f.Type, ns) + " " + f.Name);
                bindings.Add(Binding(context, f.Type, local, "body", f.WireName, "form", explode: true, f.Required));
                if (f.Rule is not null) checks.Add(Check(rules, f.Rule, local, "body", f.WireName));
            }
        }
        else if (op.Body is { } whole)
        {
            var local = "arg" + index++;
            var type = whole.Required ? whole.Type! : whole.Type!.AsNullable();
            var source = whole.Kind is BodyKind.Form or BodyKind.Multipart ? "" : "[global::" + ns + "." + context.ClientName + "FromBody(" + Bool(!whole.Required) + ")] ";
            parameters.Add(source + CSharp.Type(type, ns) + " body");
            required.Add(whole.Required);
            arguments.Add(local);
            var mediaTypes = "new[] { " + string.Join(", ", whole.MediaTypes.Select(CSharp.Literal)) + " }";
            switch (whole.Kind)
            {
                case BodyKind.Json:
                    bindings.Add("var " + local + " = input.Body(Json<" + CSharp.Type(type, ns) + ">(), " + Bool(whole.Required) + ");");
                    if (whole.Rule is not null) checks.Add("if (input.BodyElement() is { } element) " + rules.Reference(whole.Rule) + ".Check(element, new global::System.Collections.Generic.List<object> { \"body\" }, errors);");
                    break;
                case BodyKind.Text:
                    body.Add("var " + local + " = await input.TextAsync(" + mediaTypes + ", " + Bool(whole.Required) + ").ConfigureAwait(false);");
                    if (whole.Required) arguments[arguments.Count - 1] = local + "!";
                    break;
                case BodyKind.Binary:
                    body.Add("var " + local + " = input.Binary(" + mediaTypes + ");");
                    if (whole.Required) arguments[arguments.Count - 1] = local + "!";
                    break;
                default:
                    bindings.Add("var " + local + " = input.FormObject(Json<" + CSharp.Type(type, ns) + ">(), " + Bool(whole.Required) + ");");
                    break;
            }
        }
        parameters.Add("global::System.Threading.CancellationToken cancellationToken");
        arguments.Add("http.RequestAborted");

        var implicitSource = op.Responses.FirstOrDefault(r => r.IsSuccess && r.Type is not null);
        var implicitAllowed = implicitSource?.Type is { } t && t.Kind != TypeKind.Array && t.Kind != TypeKind.Map;
        return new MinimalOperationView(
            op.Name,
            "global::" + ns + "." + op.ResultName,
            op.ResultName,
            CSharp.DocComment(op.Summary ?? op.Description, "        ", op.Summary is null ? null : op.Description),
            string.Join(", ", parameters),
            string.Join(", ", arguments),
            CSharp.Literal(op.Path),
            "new[] { " + CSharp.Literal(op.Method) + " }",
            Metadata(context, group, op).ToArray(),
            "typeof(global::" + ns + "." + group.HandlerName + ").GetMethod(" + CSharp.Literal(op.Name) + ")!" + string.Concat(required.Select(r => ", " + Bool(r))),
            InputErrors.New(context, op),
            body.ToArray(),
            bindings.ToArray(),
            checks.ToArray(),
            op.Responses.Select(r => WithType(ServerViews.Result(r, ns), r, ns)).Concat(StreamResult(context, op, minimal: true)).ToArray(),
            implicitAllowed ? CSharp.Type(implicitSource!.Type!, ns) : null,
            implicitSource?.MemberName);
    }

    /// <summary>
    /// The factory that streams the handler's items (…Stream for JSON sequences and arrays, …Events for server-sent
    /// events). The minimal-API result also takes the declared type (null: the items write themselves); the MVC result
    /// has no shared options to take the metadata from, so it makes its own for the stream.
    /// </summary>
    internal static IEnumerable<ResultView> StreamResult(SpecContext context, OperationDef op, bool minimal)
    {
        if (op.Stream is not { } stream) yield break;
        var ns = context.Namespace;
        var item = CSharp.Type(stream.ItemType, ns);
        var status = int.TryParse(stream.StatusCode, out var code) ? CSharp.Int(code) : "200";
        var info = minimal
            ? "global::" + ns + "." + context.ClientName + "Endpoints.Json<" + item + ">()"
            : "(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + item + ">)global::" + ns + "." + context.ClientName + "JsonContext.CreateOptions().GetTypeInfo(typeof(" + CSharp.RuntimeType(stream.ItemType, ns) + "))";
        var type = minimal ? ", null" : "";
        var mediaType = CSharp.Literal(stream.MediaType);
        var doc = CSharp.DocComment(stream.StatusCode + ": the items as the handler produces them (" + stream.MediaType + "), each sent as soon as it is yielded.", "        ");
        if (stream.Kind == StreamKind.EventStream)
        {
            var data = stream.ItemType is { Kind: TypeKind.Primitive, Name: "string" } ? "null" : info;
            yield return new ResultView(Identifier(stream.MemberName) + "Events", "global::System.Collections.Generic.IAsyncEnumerable<global::System.Net.ServerSentEvents.SseItem<" + item + ">> events",
                status + ", new global::OpenApiGen.Runtime.EventsResult<" + item + ">(events, " + data + "), \"text/event-stream\"" + type, doc);
            yield break;
        }
        yield return new ResultView(Identifier(stream.MemberName) + "Stream", "global::System.Collections.Generic.IAsyncEnumerable<" + item + "> items",
            status + ", new global::OpenApiGen.Runtime.JsonItemsResult<" + item + ">(items, " + info + ", " + mediaType + "), " + mediaType + type, doc);
    }

    private static string Identifier(string member) => member.TrimStart('@');

    // The result remembers the declared type, so JSON is written with its metadata whatever the runtime type (List<T> for IReadOnlyList<T>).
    private static ResultView WithType(ResultView result, ResponseDef response, string ns) =>
        result with { Arguments = result.Arguments + ", " + (response.Type is null || response.IsBinary ? "null" : "typeof(" + CSharp.RuntimeType(response.Type, ns) + ")") };

    // ApiExplorer reads a parameter's location and wire name from these; cookies have no such metadata in ASP.NET Core.
    private static string Source(SpecContext context, string location, string wireName) => location switch
    {
        "Path" => "[global::" + context.Namespace + "." + context.ClientName + "FromRoute(" + CSharp.Literal(wireName) + ")] ",
        "Query" => "[global::" + context.Namespace + "." + context.ClientName + "FromQuery(" + CSharp.Literal(wireName) + ")] ",
        "Header" => "[global::" + context.Namespace + "." + context.ClientName + "FromHeader(" + CSharp.Literal(wireName) + ")] ",
        "Form" => "[global::" + context.Namespace + "." + context.ClientName + "FromForm(" + CSharp.Literal(wireName) + ")] ",
        _ => "",
    };

    /// <summary>One local bound from the request: parsable scalars and arrays by IParsable, everything else through the JSON metadata.</summary>
    private static string Binding(SpecContext context, TypeRef type, string local, string location, string wireName, string style, bool explode, bool required)
    {
        var ns = context.Namespace;
        var declared = CSharp.Type(type, ns);
        var plain = type with { Nullable = false };
        var where = CSharp.Literal(location) + ", " + CSharp.Literal(wireName) + ", " + CSharp.Literal(style);
        string call;
        if (IsParsableScalar(plain))
        {
            call = "input.Scalar<" + CSharp.Type(plain, ns) + ">(" + where + ", " + Bool(required) + ", out var " + local + "Value)";
        }
        else if (plain.Kind == TypeKind.Array && IsParsableScalar(plain.Item!))
        {
            call = "input.Array<" + CSharp.Type(plain.Item!, ns) + ">(" + where + ", " + Bool(explode) + ", " + Bool(required) + ", out var " + local + "Value)";
        }
        else
        {
            call = "input.Json(" + where + ", " + Bool(explode) + ", " + Bool(required) + ", Json<" + declared + ">(), out var " + local + "Value)";
        }
        // Absent or unreadable: null where the type admits it (a bare "default" would make an optional int 0), else a placeholder the errors answer for.
        return declared + " " + local + " = " + call + " ? " + local + "Value : " + (type.Nullable ? "null" : "default!") + ";";
    }

    // Built-in scalars that implement IParsable<T>; the spec's own types (enums, unions) go through their JSON converters.
    private static bool IsParsableScalar(TypeRef type) =>
        !type.Nullable && type.Kind == TypeKind.Primitive && ServerViews.IsParsable(type);

    // What was sent and bound is checked against the spec's constraints (FastAPI checks what it parsed).
    private static string Check(InputRuleCode rules, InputRule rule, string local, string location, string wireName) =>
        "if (input.Bound(" + CSharp.Literal(location) + ", " + CSharp.Literal(wireName) + ")) " + rules.Reference(rule) + ".CheckValue(" + local + "!, new object[] { "
        + CSharp.Literal(location) + ", " + CSharp.Literal(wireName) + " }, errors);";

    /// <summary>Endpoint metadata: the name, tag, documented responses and body, security and the documented 401 body.</summary>
    private static IEnumerable<string> Metadata(SpecContext context, OperationGroup group, OperationDef op)
    {
        var ns = context.Namespace;
        yield return ".WithName(" + CSharp.Literal(group.Name + "." + op.Name) + ")";
        yield return ".WithTags(" + CSharp.Literal(group.Name) + ")";
        if (ServerViews.SecurityArguments(context, op) is { } security)
        {
            yield return ".RequireAuthorization(new global::" + ns + "." + context.ClientName + "SecurityRequirementAttribute(" + security + "))";
            if (InputErrors.NewChallenge(context, op) is { } challenge) yield return ".WithMetadata(" + challenge + ")";
        }
        // A body flattened into form fields is described by those parameters ([FromForm]), the media types by this; its
        // type is null, and ApiExplorer adds no body of its own beside form parameters.
        if (op.Body is { } requestBody && (requestBody.Fields.Count > 0 || requestBody.Type is not null))
        {
            var type = requestBody.Fields.Count > 0 ? "null" : "typeof(" + CSharp.RuntimeType(requestBody.Type! with { Nullable = false }, ns) + ")";
            var mediaTypes = requestBody.MediaTypes.Count > 0 ? requestBody.MediaTypes.ToArray() : new[] { requestBody.ContentType };
            yield return ".WithMetadata(new global::Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata(new[] { " + string.Join(", ", mediaTypes.Select(CSharp.Literal)) + " }, "
                + type + ", " + Bool(!requestBody.Required) + "))";
        }
        foreach (var response in op.Responses)
        {
            if (!int.TryParse(response.StatusCode, out var code)) continue;
            yield return response.Type is null
                ? ".WithMetadata(new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(" + CSharp.Int(code) + "))"
                : ".WithMetadata(new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(" + CSharp.Int(code) + ", typeof(" + CSharp.RuntimeType(response.Type, ns) + "), new[] { "
                    + CSharp.Literal(response.ContentType) + " }))";
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}

/// <summary>The spec-level minimal-API file: the JSON options and the method that maps every group.</summary>
public sealed record MinimalEndpointsView(string Namespace, string Version, string Client, string MapAll, string[] Groups);

/// <summary>One group's minimal-API file; <see cref="Mvc"/>: the result types serve the MVC controllers too.</summary>
public sealed record MinimalGroupView(string Namespace, string Version, string Client, bool Mvc, MinimalGroupInfo Group);

/// <summary>A group: its handler base, the nested class of its request delegates, operations and input rules.</summary>
public sealed record MinimalGroupInfo(string Name, string HandlerName, string Requests, MinimalOperationView[] Operations, RuleField[] Rules);

/// <summary>
/// One operation: the handler method's signature, its route and metadata, the statements that read the body, bind
/// the parameters into locals (arg0…) and check them, and its result type's factories.
/// </summary>
public sealed record MinimalOperationView(
    string Name,
    string ResultName,
    string ResultTypeName,
    string Doc,
    string Parameters,
    string Arguments,
    string Route,
    string Methods,
    string[] Metadata,
    string Description,
    string Documented,
    string[] Body,
    string[] Bindings,
    string[] Checks,
    ResultView[] Results,
    string? ImplicitFrom,
    string? ImplicitMember);
