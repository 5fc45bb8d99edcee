using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Template views for the typed client.</summary>
public static class ClientViews
{
    public static ClientCoreView Core(SpecContext context, EquatableArray<string> groups) => new(
        context.Namespace,
        SourceEmitter.Version,
        context.ClientName,
        string.Join(" ", CSharp.XmlLines(context.Title)),
        groups.AsArray(),
        context.EmitHttpClientFactory,
        context.HasFileParts,
        context.HasMultipart,
        string.Join(", ", new[] { "\"Authorization\"", "\"Cookie\"" }.Concat(CredentialNames(context, ParameterLocation.Header))),
        CredentialNames(context, ParameterLocation.Query).Any()
            ? "{ " + string.Join(", ", CredentialNames(context, ParameterLocation.Query)) + " }"
            : "global::System.Array.Empty<string>()",
        context.SecuritySchemes.Select(s => new ClientSchemeView(
            s.Identifier,
            SecurityCode.CredentialProperties(s).Select(p => new CredentialView(p, SecurityCode.CredentialDoc(s, p))).ToArray(),
            SecurityCode.HasCondition(s),
            SecurityCode.ClientApply(s))).ToArray());

    private static IEnumerable<string> CredentialNames(SpecContext context, ParameterLocation location) =>
        context.SecuritySchemes.Where(x => x.Kind == SecurityKind.ApiKey && x.In == location).Select(x => CSharp.Literal(x.ParameterName)).Distinct();

    public static ClientGroupView Group(SpecContext context, OperationGroup group) => new(
        context.Namespace,
        SourceEmitter.Version,
        context.ClientName,
        new ClientGroupInfo(group.Name, group.Operations.Select(op => Operation(context, op)).ToArray()));

    private static ClientOperationView Operation(SpecContext context, OperationDef op)
    {
        var ns = context.Namespace;
        var success = op.Responses.FirstOrDefault(r => r.IsSuccess && r.Type is not null)
            ?? op.Responses.FirstOrDefault(r => r.StatusCode == "2XX" && r.Type is not null);
        var returnType = success?.Type is { } t ? CSharp.Type(t, ns) : null;
        // Documented success headers: a ...WithResponseAsync twin returns status, headers and body together.
        var headers = op.Responses.Where(r => IsOutcome(op, r)).SelectMany(r => r.Headers).GroupBy(h => h.Name, System.StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var wrapper = "global::" + ns + "." + context.ClientName + "Response" + (returnType is null ? "" : "<" + returnType + ">");
        var parameters = Parameters(op, ns, context.ClientName);
        // C# has no [Obsolete] for parameters: a deprecated one is named in the method's remarks.
        var remarks = op.Summary is null ? null : op.Description;
        var deprecated = op.Parameters.Where(p => p.Deprecated).Select(p => p.Name).ToList();
        if (deprecated.Count > 0) remarks = (string.IsNullOrWhiteSpace(remarks) ? "" : remarks!.TrimEnd() + "\n\n") + "Deprecated parameters: " + string.Join(", ", deprecated) + ".";
        return new ClientOperationView(
            op.Name,
            CSharp.DocComment(op.Summary ?? op.Description, "            ", remarks),
            CSharp.Obsolete(op.Deprecated, op.Summary ?? op.Description, "            "),
            returnType is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + returnType + ">",
            string.Join(", ", parameters.Select(p => p.Declaration)),
            HttpMethodExpression(op.Method),
            RequestLines(context, op),
            ContentLines(op),
            success?.IsBinary == true,
            ResponseLines(op, success, ns, headers.Count > 0 ? wrapper : null),
            headers.Count > 0,
            returnType is not null,
            string.Join(", ", parameters.Select(p => p.Name)),
            "global::System.Threading.Tasks.Task<" + wrapper + ">",
            op.Stream is null ? null : Stream(context, op, op.Stream, parameters),
            CSharp.DocComment(
                "Like " + op.Name + "Async, and also returns the status code and the response headers.",
                "            ",
                "Documented response headers: " + string.Join("; ", headers.Select(h => h.Name + (string.IsNullOrWhiteSpace(h.Description) ? "" : " (" + h.Description!.Trim() + ")"))) + "."));
    }

    private static string FieldType(FormFieldDef field, string ns, string clientName)
    {
        if (!field.IsFile) return CSharp.Type(field.Type, ns);
        var file = "global::" + ns + "." + clientName + "File";
        var type = field.IsArray ? "global::System.Collections.Generic.IEnumerable<" + file + ">" : file;
        return field.Required ? type : type + "?";
    }

    private static List<(string Name, string Declaration)> Parameters(OperationDef op, string ns, string clientName)
    {
        // A required constant (AWS's Action=DescribeInstances) defaults to its value: callers need not pass it.
        var parts = op.Parameters.Where(p => p.Required && p.Type.Constant is null).Select(p => (p.Name, CSharp.Type(p.Type, ns) + " " + p.Name)).ToList();
        if (op.Body is { Fields.Count: > 0 } form)
        {
            parts.AddRange(form.Fields.Select(f => (f.Name, FieldType(f, ns, clientName) + " " + f.Name + (f.Required ? "" : " = default"))));
        }
        else if (op.Body is { } body)
        {
            parts.Add(("body", CSharp.Type(body.Required ? body.Type! : body.Type!.AsNullable(), ns) + " body" + (body.Required ? "" : " = default")));
        }
        parts.AddRange(op.Parameters.Where(p => p.Required && p.Type.Constant is not null).Select(p => (p.Name, CSharp.Type(p.Type, ns) + " " + p.Name + " = " + CSharp.Literal(p.Type.Constant!))));
        parts.AddRange(op.Parameters.Where(p => !p.Required).Select(p => (p.Name, CSharp.Type(p.Type, ns) + " " + p.Name + " = default")));
        parts.Add(("cancellationToken", "global::System.Threading.CancellationToken cancellationToken = default"));
        return parts;
    }

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharp.Literal(method) + ")",
    };

    private static List<string> RequestLines(SpecContext context, OperationDef op)
    {
        var lines = new List<string>();
        foreach (var segment in PathTemplate.Parse(op.Path))
        {
            if (segment.IsParameter)
            {
                var parameter = op.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.WireName == segment.Text);
                lines.Add(parameter is null
                    ? "__request.AppendPath(" + CSharp.Literal("{" + segment.Text + "}") + ");"
                    : PathLine(parameter));
            }
            else
            {
                lines.Add("__request.AppendPath(" + CSharp.Literal(segment.Text) + ");");
            }
        }
        foreach (var p in op.Parameters.Where(p => p.In != ParameterLocation.Path))
        {
            var name = CSharp.Literal(p.WireName);
            var style = CSharp.Literal(p.Style) + ", " + (p.Explode ? "true" : "false");
            lines.Add(p.In switch
            {
                // OpenAPI defines no text form for objects inside arrays: each item travels as its JSON text, never as ToString().
                ParameterLocation.Query when IsArray(p.Type) && !IsSimple(p.Type.Item!) => "__request.AddQueryValues(" + name + ", " + p.Name + " is null ? null : global::System.Linq.Enumerable.Select(" + p.Name + ", __item => _client.ToJson(__item)), " + style + ");",
                ParameterLocation.Query when IsArray(p.Type) && p.Style == "form" && p.Explode => "__request.AddQueryValues(" + name + ", " + p.Name + ");",
                ParameterLocation.Query when IsArray(p.Type) => "__request.AddQueryValues(" + name + ", " + p.Name + ", " + style + ");",
                ParameterLocation.Query when IsObject(p.Type) => "__request.AddQueryObject(" + name + ", _client.ToElement(" + p.Name + "), " + style + ");",
                ParameterLocation.Query => "__request.AddQuery(" + name + ", " + p.Name + ");",
                ParameterLocation.Header when IsContentHeader(p.WireName) => "__request.AddContentHeader(" + name + ", " + p.Name + ");",
                ParameterLocation.Header when IsArray(p.Type) => "__request.AddHeaderValues(" + name + ", " + p.Name + ");",
                ParameterLocation.Header when IsObject(p.Type) => "__request.AddHeaderObject(" + name + ", _client.ToElement(" + p.Name + "), " + (p.Explode ? "true" : "false") + ");",
                ParameterLocation.Header => "__request.AddHeader(" + name + ", " + p.Name + ");",
                // Cookies: arrays as form without explode (comma-joined); objects as JSON text.
                _ when IsArray(p.Type) => "if (" + p.Name + " is not null) __request.AddCookie(" + name + ", string.Join(\",\", " + p.Name + "));",
                _ when IsObject(p.Type) => "if (" + p.Name + " is not null) __request.AddCookie(" + name + ", _client.ToJson(" + p.Name + "));",
                _ => "__request.AddCookie(" + name + ", " + p.Name + ");",
            });
        }
        lines.AddRange(SecurityLines(context, op));
        return lines;
    }

    private static string PathLine(ParameterDef p)
    {
        var name = CSharp.Literal(p.WireName);
        var style = CSharp.Literal(p.Style);
        var explode = p.Explode ? "true" : "false";
        if (IsArray(p.Type)) return "__request.AppendPathArray(" + name + ", " + p.Name + ", " + style + ", " + explode + ");";
        if (IsObject(p.Type)) return "__request.AppendPathObject(" + name + ", _client.ToElement(" + p.Name + "), " + style + ", " + explode + ");";
        return p.Style is "label" or "matrix"
            ? "__request.AppendPathScalar(" + name + ", " + p.Name + ", " + style + ");"
            : "__request.AppendPathValue(" + p.Name + ");";
    }

    public static bool IsArray(TypeRef type) => type.Kind == TypeKind.Array;

    // Headers HttpClient keeps on HttpContent (HttpContentHeaders); on the request they are dropped without an error.
    private static readonly HashSet<string> ContentHeaders = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private static bool IsContentHeader(string name) => ContentHeaders.Contains(name);

    /// <summary>Objects and maps: serialized property by property (records are reference types; unions and enums are structs).</summary>
    public static bool IsObject(TypeRef type) => type.Kind == TypeKind.Map || (type.Kind == TypeKind.Named && !type.IsValueType);

    /// <summary>Applies the first alternative whose credentials are all configured; nothing for anonymous operations.</summary>
    private static IEnumerable<string> SecurityLines(SpecContext context, OperationDef op)
    {
        var known = context.SecuritySchemes.ToDictionary(s => s.Key);
        var alternatives = op.Security.Where(r => r.Schemes.All(known.ContainsKey)).ToList();
        var keyword = "if";
        foreach (var alternative in alternatives)
        {
            if (alternative.Schemes.Count == 0) yield break; // anonymous allowed: send nothing further
            var schemes = alternative.Schemes.Select(k => known[k]).ToList();
            yield return keyword + " (" + string.Join(" && ", schemes.Select(s => "_client.Has" + s.Identifier)) + ")";
            yield return "{";
            foreach (var s in schemes) yield return "    _client.Apply" + s.Identifier + "(__request);";
            yield return "}";
            keyword = "else if";
        }
    }

    /// <summary>
    /// The …StreamAsync twin of an operation with a streaming success response: the same request asking for the stream's
    /// media type, its items yielded as they arrive (the caller's enumeration owns the response), errors thrown as usual.
    /// </summary>
    private static StreamMethodView Stream(SpecContext context, OperationDef op, StreamDef stream, List<(string Name, string Declaration)> parameters)
    {
        var ns = context.Namespace;
        var item = CSharp.Type(stream.ItemType, ns);
        var text = stream.ItemType is { Kind: TypeKind.Primitive, Name: "string" };
        var (returnType, read) = stream.Kind switch
        {
            StreamKind.EventStream => ("global::System.Net.ServerSentEvents.SseItem<" + item + ">",
                "global::OpenApiGen.Runtime.Streams.ReadEventsAsync<" + item + ">(__response, " + (text ? "null" : "_client.JsonInfo<" + item + ">()") + ", cancellationToken)"),
            StreamKind.JsonArray => (item, "global::OpenApiGen.Runtime.Streams.ReadJsonArrayAsync(__response, _client.JsonInfo<" + item + ">(), cancellationToken)"),
            _ => (item, "global::OpenApiGen.Runtime.Streams.ReadJsonLinesAsync(__response, _client.JsonInfo<" + item + ">(), " + (stream.Kind == StreamKind.JsonSeq ? "true" : "false") + ", cancellationToken)"),
        };
        var lines = new List<string>
        {
            "if (" + StatusCondition(stream.StatusCode) + ")",
            "{",
            "    await foreach (var __item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(" + read + ", false)) yield return __item;",
            "    yield break;",
            "}",
        };
        // Other outcomes the spec promises (a 204, say) end the stream without items.
        foreach (var outcome in op.Responses.Where(r => IsOutcome(op, r) && r.StatusCode != stream.StatusCode)) lines.Add("if (" + StatusCondition(outcome.StatusCode) + ") yield break;");
        lines.AddRange(ThrowLines(op, ns));
        var declarations = parameters.Select(p => p.Name == "cancellationToken"
            ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " + p.Declaration
            : p.Declaration);
        return new StreamMethodView(
            "global::System.Collections.Generic.IAsyncEnumerable<" + returnType + ">",
            string.Join(", ", declarations),
            CSharp.DocComment(
                "Like " + op.Name + "Async, but yields the " + stream.StatusCode + " response's items (" + stream.MediaType + ") as they arrive.",
                "            ",
                "Stopping the enumeration early, or cancelling it, closes the response."),
            ContentLines(op, stream.MediaType),
            lines);
    }

    // The documented error statuses of an operation, thrown as its typed exceptions (exact codes before ranges).
    private static List<string> ThrowLines(OperationDef op, string ns)
    {
        var lines = new List<string>();
        var errors = op.Responses.Where(r => r.StatusCode != "default" && !IsOutcome(op, r)).ToList();
        var fallback = op.Responses.FirstOrDefault(r => r.StatusCode == "default");
        const string Undocumented = "_client.CreateExceptionAsync(__response, null, cancellationToken)";
        if (errors.Count == 0 && fallback is null)
        {
            lines.Add("throw await " + Undocumented + ".ConfigureAwait(false);");
            return lines;
        }
        lines.Add("throw await (__status switch");
        lines.Add("{");
        var patterns = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var error in errors.OrderBy(e => e.StatusCode.EndsWith("XX", System.StringComparison.Ordinal) ? 1 : 0))
        {
            var pattern = StatusPattern(error.StatusCode);
            if (patterns.Add(pattern)) lines.Add("    " + pattern + " => " + Documented(error, ns) + ",");
        }
        if (fallback is not null) lines.Add("    < 200 or > 299 => " + Documented(fallback, ns) + ",");
        lines.Add("    _ => " + Undocumented + ",");
        lines.Add("}).ConfigureAwait(false);");
        return lines;
    }

    private static List<string> ContentLines(OperationDef op, string? acceptOnly = null)
    {
        var lines = new List<string>();
        var accept = acceptOnly is not null
            ? new[] { acceptOnly }.AsEnumerable()
            : op.Responses.Where(r => r.ContentType is not null).Select(r => r.ContentType!).Distinct().OrderBy(c => c, System.StringComparer.Ordinal);
        foreach (var type in accept) lines.Add("__message.Headers.TryAddWithoutValidation(\"Accept\", " + CSharp.Literal(type) + ");");
        if (op.Body is { } body) lines.AddRange(BodyLines(body));
        if (op.Parameters.Any(p => p.In == ParameterLocation.Header && IsContentHeader(p.WireName))) lines.Add("__request.ApplyContentHeaders(__message);");
        return lines;
    }

    private static IEnumerable<string> BodyLines(RequestBodyDef body)
    {
        if (body.Fields.Count > 0) return FormLines(body);
        var guard = body.Required ? "" : "if (body is not null) ";
        // A media range (*/*, application/*) is what the server accepts, not a Content-Type: send the concrete kind.
        var declared = body.ContentType.Split(';')[0].Trim();
        var mediaType = CSharp.Literal(declared.IndexOf('*') < 0 ? declared : body.Kind switch
        {
            BodyKind.Text => "text/plain",
            BodyKind.Binary => "application/octet-stream",
            _ => "application/json",
        });
        return new[] { body.Kind switch
        {
            BodyKind.Text => guard + "__message.Content = new global::System.Net.Http.StringContent(body, global::System.Text.Encoding.UTF8, " + mediaType + ");",
            BodyKind.Binary => guard + "__message.Content = new global::System.Net.Http.StreamContent(body) { Headers = { ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(" + mediaType + ") } };",
            _ => guard + "__message.Content = new global::System.Net.Http.StringContent(_client.ToJson(body), global::System.Text.Encoding.UTF8, " + (body.Kind == BodyKind.Json ? mediaType : "\"application/json\"") + ");",
        } };
    }

    private static IEnumerable<string> FormLines(RequestBodyDef body)
    {
        var multipart = body.Kind == BodyKind.Multipart;
        yield return multipart
            ? "var __content = new global::System.Net.Http.MultipartFormDataContent();"
            : "var __form = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();";
        foreach (var field in body.Fields)
        {
            var wire = CSharp.Literal(field.WireName);
            var guard = field.Required ? "" : "if (" + field.Name + " is not null) ";
            if (field.IsFile && multipart)
            {
                yield return field.IsArray
                    ? guard + "foreach (var __file in " + field.Name + ") __content.Add(Part(__file.ToContent(), " + wire + ", __file.FileName));"
                    : guard + "__content.Add(Part(" + field.Name + ".ToContent(), " + wire + ", " + field.Name + ".FileName));";
                continue;
            }
            if (field.IsFile) continue; // files cannot travel in a url-encoded form
            var isList = field.Type.Kind == TypeKind.Array && IsSimple(field.Type.Item!);
            var value = isList ? "__item" : field.Name;
            var text = IsSimple(isList ? field.Type.Item! : field.Type)
                ? "Format(" + value + ")"
                : "_client.ToJson(" + value + ")";
            var add = multipart
                ? "__content.Add(Part(new global::System.Net.Http.StringContent(" + text + "), " + wire + "));"
                : "__form.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(" + wire + ", " + text + "));";
            yield return isList ? guard + "foreach (var __item in " + field.Name + ") " + add : guard + add;
        }
        yield return multipart ? "__message.Content = __content;" : "__message.Content = new global::System.Net.Http.FormUrlEncodedContent(__form);";
    }

    // Values sent as plain text (primitives and open enums); anything else travels as JSON text.
    private static bool IsSimple(TypeRef type) => type.Kind == TypeKind.Primitive || (type.Kind == TypeKind.Named && type.IsValueType);

    private static List<string> ResponseLines(OperationDef op, ResponseDef? success, string ns, string? wrapper)
    {
        var lines = new List<string>();
        // With a wrapper, every success return carries the status code and the headers as well.
        string Return(string? value) => wrapper is null
            ? (value is null ? "return;" : "return " + value + ";")
            : "return new " + wrapper + "(__status, Headers(__response)" + (value is null ? "" : ", " + value) + ");";
        foreach (var response in op.Responses.Where(r => r.StatusCode != "default"))
        {
            var condition = StatusCondition(response.StatusCode);
            if (response == success)
            {
                lines.Add("if (" + condition + ")");
                lines.Add("{");
                if (response.IsBinary) lines.Add("    " + Return("new global::OpenApiGen.Runtime.ResponseStream(__response, await __response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))"));
                else if (response.Type is { Kind: TypeKind.Primitive, Name: "string" } && response.ContentType is not null && MediaTypes.BodyKindOf(response.ContentType) == BodyKind.Text)
                    lines.Add("    " + Return("await __response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)"));
                else lines.Add("    " + Return("await _client.ReadJsonAsync<" + CSharp.Type(response.Type!, ns) + ">(__response, cancellationToken).ConfigureAwait(false)"));
                lines.Add("}");
            }
            else if (IsOutcome(op, response))
            {
                lines.Add("if (" + condition + ") " + Return(success is null ? null : "default!"));
            }
        }
        // HttpClient follows a redirect that has a Location: the 2XX it ends in is that documented outcome too.
        if (op.Responses.Any(r => r.StatusCode[0] == '3' && IsOutcome(op, r))) lines.Add("if (__status >= 200 && __status <= 299) " + Return(success is null ? null : "default!"));
        // Every error status is one arm of one awaited switch: an await per status would be a state of the method's
        // state machine each, compiled for every operation. Exact codes come before ranges, as OpenAPI ranks them.
        lines.AddRange(ThrowLines(op, ns));
        return lines;
    }

    // A call returns normally on 2XX, and on a documented 1XX or 3XX when the operation documents no 2XX at all: then
    // that status is the outcome the spec promises (GitHub's 302 download links, Jira's 303, Docker's 101 upgrade).
    private static bool IsOutcome(OperationDef op, ResponseDef response) =>
        response.IsSuccess || response.StatusCode == "2XX"
        || (response.StatusCode[0] is '1' or '3' && !op.Responses.Any(r => r.StatusCode[0] == '2'));

    // A documented error status: with its parsed body when it has a JSON one, and its description either way.
    private static string Documented(ResponseDef response, string ns)
    {
        var description = CSharp.Literal((response.Description ?? "").Trim());
        return response.Type is not null && !response.IsBinary
            ? "_client.CreateExceptionAsync<" + CSharp.Type(response.Type, ns) + ">(__response, " + description + ", cancellationToken)"
            : "_client.CreateExceptionAsync(__response, " + description + ", cancellationToken)";
    }

    private static string StatusPattern(string status)
    {
        if (status.Length == 3 && status.EndsWith("XX", System.StringComparison.Ordinal))
        {
            var low = (status[0] - '0') * 100;
            return ">= " + CSharp.Int(low) + " and <= " + CSharp.Int(low + 99);
        }
        return int.TryParse(status, out var code) ? CSharp.Int(code) : "-1";
    }

    private static string StatusCondition(string status)
    {
        if (status.Length == 3 && status.EndsWith("XX", System.StringComparison.Ordinal))
        {
            var low = (status[0] - '0') * 100;
            return "__status >= " + CSharp.Int(low) + " && __status <= " + CSharp.Int(low + 99);
        }
        return "__status == " + (int.TryParse(status, out var code) ? CSharp.Int(code) : "-1");
    }
}

/// <summary>The client class (ClientCore.sbncs): its groups, which optional parts it has, and how it applies each security scheme.</summary>
public sealed record ClientCoreView(
    string Namespace,
    string Version,
    string Client,
    string TitleDoc,
    string[] Groups,
    bool EmitHttpClientFactory,
    bool HasFileParts,
    bool HasMultipart,
    string CredentialHeaders,
    string CredentialQuery,
    ClientSchemeView[] Schemes);

/// <summary>A security scheme on the client: its credential properties and the code that applies them.</summary>
public sealed record ClientSchemeView(string Identifier, CredentialView[] Credentials, string HasCondition, string Apply);

public sealed record CredentialView(string Property, string Doc);

/// <summary>A group's client class and interface (ClientGroup.sbncs).</summary>
public sealed record ClientGroupView(string Namespace, string Version, string Client, ClientGroupInfo Group);

public sealed record ClientGroupInfo(string Name, ClientOperationView[] Operations);

/// <summary>
/// One client method: its signature, the statements that build the request and read the response, and its twins
/// (…WithResponseAsync when <see cref="HasResponseHeaders"/>, …StreamAsync when <see cref="Stream"/> is set).
/// </summary>
public sealed record ClientOperationView(
    string Name,
    string Doc,
    string Obsolete,
    string ReturnType,
    string Parameters,
    string HttpMethod,
    List<string> RequestLines,
    List<string> ContentLines,
    bool StreamsResponse,
    List<string> ResponseLines,
    bool HasResponseHeaders,
    bool HasBody,
    string Arguments,
    string WrapperType,
    StreamMethodView? Stream,
    string HeadersDoc);

/// <summary>An operation's …StreamAsync method: its return type, parameters, doc, request content lines and response lines.</summary>
public sealed record StreamMethodView(string ReturnType, string Parameters, string Doc, List<string> ContentLines, List<string> ResponseLines);
