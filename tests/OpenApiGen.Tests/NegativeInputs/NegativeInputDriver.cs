using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests.NegativeInputs;

/// <summary>
/// Issue 9, B.3: the generated server of a real spec (every operation stubbed) driven over HTTP. Per operation: a valid
/// request built from the spec's schemas is accepted (reaches the action); boundary-valid variants are accepted (empty
/// strings where no minLength, integer extremes where no bounds, non-ASCII text); each mutation of one constraint
/// (missing required, wrong type, out of range, length, pattern, enum, format, unknown member where
/// additionalProperties is false, malformed JSON or multipart) gets the documented error status with a body that
/// conforms to the documented error schema and names where the mutation was; an unlisted content type gets 415;
/// missing credentials get 401 before any validation; nothing is ever 500.
/// </summary>
public sealed class NegativeInputDriver
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly NegativeSpec _spec;
    private readonly JsonElement _document;
    private readonly HttpClient _http;
    private readonly NegativeResult _result;

    private NegativeInputDriver(NegativeSpec spec, JsonElement document, HttpClient http)
    {
        (_spec, _document, _http) = (spec, document, http);
        _result = new NegativeResult(spec.File);
    }

    public static async Task<NegativeResult> RunAsync(NegativeSpec spec)
    {
        var document = spec.Load();
        var file = new SpecFile("/project/" + spec.File, File.ReadAllText(spec.Path), spec.Namespace, "Server;Models", spec.Client);
        var (run, output) = GeneratorHarness.Run(file);
        // Warnings (formats the generator types as plain strings) are fine; errors are not.
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var assembly = GeneratorHarness.Load(output, "negative-" + spec.File, collectible: false, Stubs(output), Host(spec));
        var app = (Microsoft.AspNetCore.Builder.WebApplication)assembly.GetType("NegativeHost")!.GetMethod("Start")!.Invoke(null, null)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var driver = new NegativeInputDriver(spec, document, http);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in Methods.Where(m => path.Value.TryGetProperty(m, out _)))
                {
                    await driver.CheckOperation(method, path.Name, path.Value);
                }
            }
            return driver._result;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Host(NegativeSpec spec) => $$"""
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using {{spec.Namespace}};

    public sealed class ReachedAction : System.Exception
    {
    }

    public static class NegativeHost
    {
        public static WebApplication Start()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddControllers().AddApplicationPart(typeof(NegativeHost).Assembly)
                .AddJsonOptions(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, {{spec.Namespace}}.{{spec.Client}}JsonContext.Default));
            {{(spec.Security is null ? "" : "builder.Services.AddAuthentication().Add" + spec.Client + "Security(o => " + spec.Security + ");")}}
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                try { await next(context); }
                catch (ReachedAction) { context.Response.StatusCode = 200; }
            });
            app.MapControllers();
            app.StartAsync().GetAwaiter().GetResult();
            return app;
        }
    }
    """;

    /// <summary>One controller per generated base; every action throws <c>ReachedAction</c>, which the host answers with 200.</summary>
    private static string Stubs(Compilation output)
    {
        var source = new StringBuilder("#nullable enable\n");
        var format = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.EndsWith("ControllerBase.g.cs", StringComparison.Ordinal)))
        {
            var model = output.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Select(c => (INamedTypeSymbol)model.GetDeclaredSymbol(c)!).Where(t => t.IsAbstract && t.Name.EndsWith("ControllerBase", StringComparison.Ordinal)))
            {
                source.AppendLine("public sealed class " + type.Name.Replace("Base", "") + "Stub : " + type.ToDisplayString(format) + " {");
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsAbstract))
                {
                    var parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(format) + " @" + p.Name));
                    // Reaching the action is what "accepted" means here; the host turns this into 200.
                    source.AppendLine("public override " + method.ReturnType.ToDisplayString(format) + " " + method.Name + "(" + parameters + ") => throw new ReachedAction();");
                }
                source.AppendLine("}");
            }
        }
        return source.ToString();
    }

    /// <summary>A parameter or form field: in is path, query, header, cookie or form.</summary>
    private sealed record Input(string Name, string In, bool Required, JsonElement Schema)
    {
        public string Location => (In == "form" ? "body" : In) + "." + Name;
    }

    private enum BodyKind { None, Json, Form, Multipart, Other }

    /// <summary>A request: each input's values (null: not sent), and the body as JSON or as raw content.</summary>
    private sealed record Call(Dictionary<Input, string[]?> Values, JsonNode? Json, Func<HttpContent>? Raw = null, bool Authenticated = true);

    private async Task CheckOperation(string method, string path, JsonElement item)
    {
        var op = item.GetProperty(method);
        var operation = method.ToUpperInvariant() + " " + path;
        _result.Operations++;
        var inputs = Parameters(item).Concat(Parameters(op)).GroupBy(p => (p.Name, p.In)).Select(g => g.Last()).ToList();
        var (kind, mediaType, bodySchema) = RequestBody(op);
        if (kind == BodyKind.Form) inputs.AddRange(Members(bodySchema!.Value).Select(m => new Input(m.Name, "form", m.Required, m.Schema)));

        Call Valid(JsonNode? json = null) => new(
            inputs.ToDictionary(i => i, i => i.Required || i.In == "path" ? SampleValues(i.Schema) : null),
            kind == BodyKind.Json ? json ?? Sample(bodySchema!.Value) : null,
            kind switch
            {
                BodyKind.Multipart => () => ValidMultipart(bodySchema!.Value),
                BodyKind.Other => () => Raw("hello", mediaType!),
                _ => null,
            });

        async Task<Reply?> Expect(string what, Call call, HttpStatusCode status)
        {
            var reply = await Send(operation, what, call, path, method, kind, mediaType);
            if (reply is null) return null;
            if (reply.Status != status) _result.Fail(operation, what, "expected " + (int)status + ", got " + reply);
            return reply;
        }

        // The valid request, then boundary-valid variants of every input that allows them.
        var valid = Valid();
        if (await Expect("valid request", valid, HttpStatusCode.OK) is null) return;
        _result.Valid++;
        foreach (var (what, boundary) in Boundaries())
        {
            var call = Valid();
            var changed = false;
            foreach (var input in inputs.Where(i => i.In is not "header" and not "cookie"))
            {
                if (boundary(input.Schema, input.In == "path") is { } text) { call.Values[input] = [text]; changed = true; }
            }
            if (call.Json is JsonObject json && Resolve(bodySchema!.Value).TryGetProperty("properties", out var properties))
            {
                foreach (var member in properties.EnumerateObject())
                {
                    if (boundary(member.Value, false) is not { } text) continue;
                    json[member.Name] = TypeOf(member.Value) == "integer" ? JsonValue.Create(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(text);
                    changed = true;
                }
            }
            if (!changed) continue;
            _result.Boundaries++;
            await Expect(what, call, HttpStatusCode.OK);
        }

        // Without credentials: 401 before any validation, even for invalid input.
        if (IsSecured(op))
        {
            var call = Valid();
            foreach (var input in inputs.Where(i => i.In != "path")) call.Values[input] = ["not-a-number"];
            _result.Mutation("no credentials");
            await Expect("no credentials, invalid input", call with { Authenticated = false }, HttpStatusCode.Unauthorized);
        }

        if (kind != BodyKind.None)
        {
            _result.Mutation("undocumented content type");
            await Expect("undocumented content type", Valid() with { Json = null, Raw = () => Raw("hello", "application/x-negative") }, HttpStatusCode.UnsupportedMediaType);
        }

        var (status, documented) = DocumentedError(op);
        foreach (var (what, call, location) in Mutations(inputs, kind, bodySchema, Valid))
        {
            _result.Mutation(what.EndsWith(" " + location, StringComparison.Ordinal) ? what[..^(location.Length + 1)] : what);
            var reply = await Expect(what, call, status);
            if (reply is null || reply.Status != status) continue;
            if (CheckBody(reply, status, documented, location) is { } problem) _result.Fail(operation, what, problem + ": " + reply);
        }
    }

    private IEnumerable<(string What, Call Call, string Location)> Mutations(List<Input> inputs, BodyKind kind, JsonElement? bodySchema, Func<JsonNode?, Call> valid)
    {
        foreach (var input in inputs)
        {
            if (input.Required && input.In != "path")
            {
                var call = valid(null);
                call.Values[input] = null;
                yield return ("missing " + input.Location, call, input.Location);
            }
            var isArray = TypeOf(input.Schema) == "array";
            var schema = isArray ? NonNull(input.Schema).GetProperty("items") : input.Schema;
            foreach (var (what, value) in Invalid(schema))
            {
                var call = valid(null);
                call.Values[input] = [Text(value)!];
                yield return (what + " " + input.Location, call, input.Location);
            }
        }
        if (kind == BodyKind.Json)
        {
            yield return ("malformed JSON", valid(null) with { Json = null, Raw = () => Raw("{\"a\":", "application/json") }, "body");
            if (TypeOf(bodySchema!.Value) != "object") yield break;
            yield return ("array for object", valid(JsonNode.Parse("[]")), "body");
            foreach (var (what, body, location) in MemberMutations(bodySchema.Value, []))
            {
                yield return (what + " " + location, valid(body), location);
            }
        }
        if (kind == BodyKind.Multipart)
        {
            yield return ("malformed multipart", valid(null) with { Raw = () => Raw("garbage", "multipart/form-data; boundary=XyZ") }, "body");
            yield return ("unparsable field name", valid(null) with { Raw = () => Multipart(("files[", null, "x")) }, "body");
        }
    }

    /// <summary>
    /// One broken constraint of a JSON body member at a time, down to three levels of nested objects: each is set in a
    /// fresh valid body, its parents created from their samples where the valid body has none.
    /// </summary>
    private IEnumerable<(string What, JsonNode Body, string Location)> MemberMutations(JsonElement root, List<(string Name, JsonElement Schema)> path)
    {
        var at = "body" + string.Concat(path.Select(p => "." + p.Name));
        var schema = path.Count == 0 ? root : path[^1].Schema;
        JsonObject Fresh(out JsonObject parent)
        {
            var body = (JsonObject)Sample(root)!;
            parent = body;
            foreach (var (name, member) in path)
            {
                if (parent[name] is not JsonObject child) parent[name] = child = Sample(member) as JsonObject ?? new JsonObject();
                parent = child;
            }
            return body;
        }
        var members = Members(schema).ToList();
        foreach (var (name, _, _) in members.Where(m => m.Required))
        {
            var body = Fresh(out var parent);
            parent.Remove(name);
            yield return ("missing", body, at + "." + name);
        }
        foreach (var (name, _, member) in members.Where(m => !IsUnion(m.Schema)))
        {
            foreach (var (what, value) in Invalid(member, json: true))
            {
                var body = Fresh(out var parent);
                parent[name] = value;
                yield return (what, body, at + "." + name);
            }
            if (path.Count < 2 && TypeOf(member) == "object") foreach (var nested in MemberMutations(root, [.. path, (name, member)])) yield return nested;
        }
        if (NonNull(schema).TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
        {
            var body = Fresh(out var parent);
            parent["zz_unknown"] = 1;
            yield return ("unknown member", body, at + ".zz_unknown");
        }
    }

    private bool IsReadOnly(JsonElement schema) => Resolve(schema) is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("readOnly", out var r) && r.ValueKind == JsonValueKind.True;

    // oneOf/anyOf with more than one non-null option: a value broken for one option may suit another.
    private bool IsUnion(JsonElement schema)
    {
        var s = Resolve(schema);
        return new[] { "anyOf", "oneOf" }.Any(k => s.TryGetProperty(k, out var options) && options.EnumerateArray().Count(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")) > 1);
    }

    /// <summary>
    /// Values that break exactly one constraint of a scalar schema. As query or form text "not-a-number" is a wrong type;
    /// in a JSON body a string where a number is due, or a number where a string is.
    /// </summary>
    private IEnumerable<(string What, JsonNode Value)> Invalid(JsonElement schema, bool json = false)
    {
        var s = NonNull(schema);
        var type = TypeOf(schema);
        var sample = Sample(schema);
        if (s.TryGetProperty("enum", out _)) yield return ("not in enum", "zz-not-in-enum");
        else if (type is "integer" or "number" or "boolean") yield return ("wrong type", "not-a-number");
        else if (type == "string" && json) yield return ("wrong type", 12);
        if (type == "string" && s.TryGetProperty("format", out var f) && f.GetString() is "uuid" or "date-time" or "date") yield return ("bad " + f.GetString(), "not-a-date");
        if (type is "integer" or "number")
        {
            if (Bound(s, "minimum", "exclusiveMinimum") is { } min) yield return ("below minimum", Number(min.Exclusive ? min.Value : min.Value - 1));
            if (Bound(s, "maximum", "exclusiveMaximum") is { } max) yield return ("above maximum", Number(max.Exclusive ? max.Value : max.Value + 1));
        }
        if (type != "string" || sample is not JsonValue v || !v.TryGetValue<string>(out var text)) yield break;
        if (s.TryGetProperty("minLength", out var minLength) && minLength.GetInt32() > 0)
            yield return ("too short", text[..Math.Min(text.Length, minLength.GetInt32() - 1)]);
        if (s.TryGetProperty("maxLength", out var maxLength))
            yield return ("too long", text + new string('x', Math.Max(1, maxLength.GetInt32() + 1 - text.Length)));
        if (s.TryGetProperty("pattern", out var pattern))
        {
            var mismatch = new string('!', Math.Max(1, text.Length));
            if (!Matches(pattern.GetString()!, mismatch)) yield return ("pattern mismatch", mismatch);
        }
    }

    private static JsonNode Number(decimal value) => value == decimal.Truncate(value) ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static (decimal Value, bool Exclusive)? Bound(JsonElement s, string inclusive, string exclusive)
    {
        // 3.1: exclusiveMinimum is the bound; 3.0: a flag beside minimum.
        if (s.TryGetProperty(exclusive, out var e) && e.ValueKind == JsonValueKind.Number) return (e.GetDecimal(), true);
        if (!s.TryGetProperty(inclusive, out var i)) return null;
        return (i.GetDecimal(), e.ValueKind == JsonValueKind.True);
    }

    /// <summary>Boundary-valid replacements: a function from an input's schema (and whether it is in the path) to its text, or null when it does not apply.</summary>
    private IEnumerable<(string What, Func<JsonElement, bool, string?> Value)> Boundaries()
    {
        yield return ("empty strings", (schema, inPath) => !inPath && IsFreeText(schema) && !NonNull(schema).TryGetProperty("minLength", out _) ? "" : null);
        yield return ("non-ASCII text", (schema, _) => IsFreeText(schema) && (!NonNull(schema).TryGetProperty("maxLength", out var max) || max.GetInt32() >= 14) ? "Zoë 😀 ünïcode" : null);
        yield return ("integer minimum", (schema, _) => IsFreeInteger(schema) ? (Int32(schema) ? int.MinValue : long.MinValue).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        yield return ("integer maximum", (schema, _) => IsFreeInteger(schema) ? (Int32(schema) ? int.MaxValue : long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private bool IsFreeText(JsonElement schema)
    {
        var s = NonNull(schema);
        return TypeOf(schema) == "string" && !s.TryGetProperty("enum", out _) && !s.TryGetProperty("format", out _) && !s.TryGetProperty("pattern", out _);
    }

    private bool IsFreeInteger(JsonElement schema)
    {
        var s = NonNull(schema);
        return TypeOf(schema) == "integer" && !s.TryGetProperty("enum", out _) && !new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" }.Any(k => s.TryGetProperty(k, out _));
    }

    private bool Int32(JsonElement schema) => NonNull(schema).TryGetProperty("format", out var f) && f.GetString() is "int32" or "int16" or "int8" or "uint8" or "uint16";

    private bool IsSecured(JsonElement op)
    {
        var security = op.TryGetProperty("security", out var own) ? own : _document.TryGetProperty("security", out var global) ? global : default;
        return security.ValueKind == JsonValueKind.Array && security.GetArrayLength() > 0 && security.EnumerateArray().All(r => r.EnumerateObject().Any());
    }

    /// <summary>422 if documented, else 400, else a documented 4XX or default sent as 400; with its response (null: undocumented).</summary>
    private (HttpStatusCode Status, JsonElement? Response) DocumentedError(JsonElement op)
    {
        var responses = op.GetProperty("responses");
        foreach (var code in new[] { "422", "400", "4XX", "default" })
        {
            if (responses.TryGetProperty(code, out var response)) return (code == "422" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest, Resolve(response));
        }
        return (HttpStatusCode.BadRequest, null);
    }

    /// <summary>Null when the error body conforms to the documented response (problem details when undocumented) and names the location.</summary>
    private string? CheckBody(Reply reply, HttpStatusCode status, JsonElement? documented, string location)
    {
        JsonElement schema;
        if (documented is { } response)
        {
            if (!response.TryGetProperty("content", out var content)) return null; // documented without a body: the status alone
            var media = content.EnumerateObject().FirstOrDefault(m => m.Name.Split(';')[0].Trim() == reply.ContentType);
            // An error documented only in media types that cannot carry it (Swagger 2.0's produces: x-tar, raw streams) gets problem details.
            var jsonless = content.EnumerateObject().All(m => !IsJson(m.Name));
            if (media.Value.ValueKind == JsonValueKind.Undefined && !(jsonless && reply.ContentType == "application/problem+json")) return "content type " + reply.ContentType + " is not documented";
            if (media.Value.ValueKind == JsonValueKind.Undefined) schema = ProblemDetails;
            else if (!media.Value.TryGetProperty("schema", out schema)) return null;
        }
        else
        {
            if (reply.ContentType != "application/problem+json") return "undocumented error is not problem details";
            schema = ProblemDetails;
        }
        JsonElement body;
        try { body = JsonDocument.Parse(reply.Text).RootElement; }
        catch (JsonException) { return "the body is not JSON"; }
        var problems = new List<string>();
        Conform(body, schema, "$", problems, 0);
        if (documented is null && body.TryGetProperty("status", out var s) && s.GetInt32() != (int)status) problems.Add("status member " + s);
        if (problems.Count > 0) return "does not conform: " + string.Join("; ", problems);
        return NamesLocation(body, location) ? null : "does not name " + location;
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal);
    }

    private static readonly JsonElement ProblemDetails = JsonDocument.Parse("""
        {"type": "object", "required": ["title", "status"], "properties": {"type": {"type": "string"}, "title": {"type": "string"},
         "status": {"type": "integer"}, "detail": {"type": "string"}, "instance": {"type": "string"},
         "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}}
        """).RootElement;

    // HTTPValidationError items' loc, problem details' errors keys, or a text detail/message that mentions it.
    private static bool NamesLocation(JsonElement body, string location)
    {
        bool Matches(string named) => named == location || named.StartsWith(location + ".", StringComparison.Ordinal);
        if (body.ValueKind != JsonValueKind.Object) return true;
        if (body.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Array)
            return detail.EnumerateArray().Any(e => e.TryGetProperty("loc", out var loc) && Matches(string.Join(".", loc.EnumerateArray().Select(x => x.ToString()))));
        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            return errors.EnumerateObject().Any(e => Matches(e.Name));
        foreach (var key in new[] { "detail", "message" })
        {
            if (body.TryGetProperty(key, out var text) && text.ValueKind == JsonValueKind.String) return text.GetString()!.Contains(location, StringComparison.Ordinal);
        }
        return true; // a shape with nowhere to say where
    }

    /// <summary>A small JSON Schema check: types, nullable, enum, required members, properties, items, allOf/anyOf/oneOf.</summary>
    private void Conform(JsonElement value, JsonElement schema, string at, List<string> problems, int depth)
    {
        schema = Resolve(schema);
        if (depth > 12 || schema.ValueKind != JsonValueKind.Object) return;
        if (schema.TryGetProperty("allOf", out var all)) foreach (var part in all.EnumerateArray()) Conform(value, part, at, problems, depth + 1);
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (!schema.TryGetProperty(key, out var options)) continue;
            if (!options.EnumerateArray().Any(o => { var p = new List<string>(); Conform(value, o, at, p, depth + 1); return p.Count == 0; })) problems.Add(at + " matches no " + key + " option");
        }
        var types = !schema.TryGetProperty("type", out var t) ? [] : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : new List<string> { t.GetString()! };
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True) types.Add("null");
        var actual = value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
        if (types.Count > 0 && !types.Contains(actual) && !(actual == "integer" && types.Contains("number"))) { problems.Add(at + " is " + actual + ", not " + string.Join("|", types)); return; }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetRawText() == value.GetRawText())) problems.Add(at + " is not in its enum");
        if (actual == "object")
        {
            foreach (var name in Required(schema)) if (!value.TryGetProperty(name, out _)) problems.Add(at + "." + name + " is missing");
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var member in value.EnumerateObject()) if (properties.TryGetProperty(member.Name, out var p)) Conform(member.Value, p, at + "." + member.Name, problems, depth + 1);
            if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object)
                foreach (var member in value.EnumerateObject()) if (!(schema.TryGetProperty("properties", out var known) && known.TryGetProperty(member.Name, out _))) Conform(member.Value, extra, at + "." + member.Name, problems, depth + 1);
        }
        if (actual == "array" && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray()) Conform(item, items, at + "[" + index++ + "]", problems, depth + 1);
        }
    }

    private sealed record Reply(HttpStatusCode Status, string? ContentType, string Text)
    {
        public override string ToString() => (int)Status + " " + ContentType + " " + (Text.Length > 400 ? Text[..400] + "…" : Text);
    }

    /// <summary>Sends the call and counts the reply; null (and a failure) when the request cannot be sent or the server answers 500.</summary>
    private async Task<Reply?> Send(string operation, string what, Call call, string path, string method, BodyKind kind, string? mediaType)
    {
        var route = path;
        var query = new List<string>();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), "");
        var form = new List<KeyValuePair<string, string>>();
        foreach (var (input, values) in call.Values)
        {
            if (values is null) continue;
            switch (input.In)
            {
                case "path": route = route.Replace("{" + input.Name + "}", Uri.EscapeDataString(values.FirstOrDefault() ?? "x")); break;
                case "query": query.AddRange(values.Select(v => Uri.EscapeDataString(input.Name) + "=" + Uri.EscapeDataString(v))); break;
                case "header": request.Headers.TryAddWithoutValidation(input.Name, values); break;
                case "cookie": request.Headers.TryAddWithoutValidation("Cookie", input.Name + "=" + Uri.EscapeDataString(values.FirstOrDefault() ?? "")); break;
                case "form": form.AddRange(values.Select(v => new KeyValuePair<string, string>(input.Name, v))); break;
            }
        }
        request.RequestUri = new Uri(route.TrimStart('/') + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        request.Content = call.Raw?.Invoke()
            ?? (kind == BodyKind.Json && call.Json is not null ? Raw(call.Json.ToJsonString(), mediaType!) : null)
            ?? (kind == BodyKind.Form ? new FormUrlEncodedContent(form) : null);
        if (call.Authenticated) _spec.Authenticate(request);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            _result.Fail(operation, what, "the request failed: " + e.Message);
            return null;
        }
        using (response)
        {
            var reply = new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
            _result.Count(reply.Status);
            if ((int)reply.Status >= 500) { _result.Fail(operation, what, reply.ToString()); return null; }
            return reply;
        }
    }

    private static ByteArrayContent Raw(string text, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    // OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored.
    private IEnumerable<Input> Parameters(JsonElement owner) => !owner.TryGetProperty("parameters", out var list) ? [] : list.EnumerateArray().Select(Resolve)
        .Where(p => !(p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString()!.ToLowerInvariant() is "accept" or "content-type" or "authorization")).Select(p =>
        new Input(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var s) ? s : default));

    // An object's members, its allOf parts' included.
    private IEnumerable<(string Name, bool Required, JsonElement Schema)> Members(JsonElement schema)
    {
        var resolved = NonNull(schema);
        if (resolved.ValueKind != JsonValueKind.Object) return [];
        var required = Required(resolved).ToHashSet();
        var own = resolved.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (p.Name, required.Contains(p.Name), p.Value)) : [];
        var parts = resolved.TryGetProperty("allOf", out var allOf) ? allOf.EnumerateArray().SelectMany(Members) : [];
        // A readOnly member is never required in a request.
        return own.Concat(parts).GroupBy(m => m.Name).Select(g => (g.Key, (g.Any(m => m.Item2) || required.Contains(g.Key)) && !IsReadOnly(g.First().Item3), g.First().Item3));
    }

    /// <summary>The body the driver sends: JSON if listed, else a form, else multipart, else the first media type as raw bytes.</summary>
    private (BodyKind Kind, string? MediaType, JsonElement? Schema) RequestBody(JsonElement op)
    {
        if (!op.TryGetProperty("requestBody", out var body) || !Resolve(body).TryGetProperty("content", out var content)) return (BodyKind.None, null, null);
        var media = content.EnumerateObject().ToList();
        JsonElement? SchemaOf(JsonProperty m) => m.Value.TryGetProperty("schema", out var s) ? s : null;
        foreach (var m in media)
        {
            if (IsJson(m.Name)) return SchemaOf(m) is { } s ? (BodyKind.Json, m.Name, s) : (BodyKind.Other, m.Name, null);
        }
        if (media.FirstOrDefault(m => m.Name == "application/x-www-form-urlencoded") is { Value.ValueKind: JsonValueKind.Object } form && SchemaOf(form) is { } f) return (BodyKind.Form, form.Name, f);
        if (media.FirstOrDefault(m => m.Name == "multipart/form-data") is { Value.ValueKind: JsonValueKind.Object } multipart && SchemaOf(multipart) is { } p) return (BodyKind.Multipart, multipart.Name, p);
        return media.Count == 0 ? (BodyKind.None, null, null) : (BodyKind.Other, media[0].Name, null);
    }

    private HttpContent ValidMultipart(JsonElement schema)
    {
        var parts = new List<(string, string?, string)>();
        foreach (var (name, required, member) in Members(schema))
        {
            var item = NonNull(member);
            var isFiles = item.TryGetProperty("items", out var items) && NonNull(items).TryGetProperty("format", out var f) && f.GetString() == "binary";
            var isFile = item.TryGetProperty("format", out var g) && g.GetString() == "binary";
            if (isFiles || isFile) parts.Add((name, "a.txt", "hello"));
            else if (required) parts.Add((name, null, Text(Sample(member)) ?? "x"));
        }
        return Multipart(parts.ToArray());
    }

    private static HttpContent Multipart(params (string Name, string? FileName, string Value)[] parts)
    {
        var text = new StringBuilder();
        foreach (var (name, fileName, value) in parts)
        {
            text.Append("--XyZ\r\nContent-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null) text.Append("; filename=\"").Append(fileName).Append('"');
            text.Append("\r\n\r\n").Append(value).Append("\r\n");
        }
        return Raw(text.Append("--XyZ--\r\n").ToString(), "multipart/form-data; boundary=XyZ");
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var node = _document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = node;
        }
        return schema;
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    // The first non-null alternative of anyOf/oneOf (FastAPI's Optional[X]), a lone allOf part.
    private JsonElement NonNull(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("properties", out _)) return schema;
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(key, out var options))
                return NonNull(options.EnumerateArray().First(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        }
        if (schema.TryGetProperty("allOf", out var parts) && parts.GetArrayLength() == 1) return NonNull(parts[0]);
        return schema;
    }

    private string? TypeOf(JsonElement schema)
    {
        var s = NonNull(schema);
        if (s.ValueKind != JsonValueKind.Object) return null;
        if (!s.TryGetProperty("type", out var t))
            return s.TryGetProperty("properties", out _) ? "object" : s.TryGetProperty("allOf", out var parts) ? parts.EnumerateArray().Select(TypeOf).FirstOrDefault(x => x is not null) : null;
        return t.ValueKind == JsonValueKind.String ? t.GetString() : t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null");
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    // A parameter's or form field's values: an array is sent as one item.
    private string[]? SampleValues(JsonElement schema) => TypeOf(schema) == "array"
        ? [Text(Sample(NonNull(schema).GetProperty("items"))) ?? "x"]
        : [Text(Sample(schema)) ?? "x"];

    private static bool Matches(string pattern, string text)
    {
        try { return System.Text.RegularExpressions.Regex.IsMatch(text, pattern); }
        catch (ArgumentException) { return true; }
    }

    /// <summary>A minimal valid value: required members only, the first enum value, a format's canonical form, a pattern's shortest match, within bounds.</summary>
    private JsonNode? Sample(JsonElement schema, int depth = 0)
    {
        schema = NonNull(schema);
        if (depth > 8 || schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("enum", out var values)) return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        if (schema.TryGetProperty("allOf", out var parts))
        {
            var merged = new JsonObject();
            foreach (var part in parts.EnumerateArray())
            {
                if (Sample(part, depth + 1) is JsonObject o) foreach (var pair in o.ToList()) { o.Remove(pair.Key); merged[pair.Key] = pair.Value; }
            }
            if (schema.TryGetProperty("properties", out var own))
                foreach (var name in Required(schema)) if (own.TryGetProperty(name, out var p)) merged[name] = Sample(p, depth + 1);
            return merged;
        }
        switch (TypeOf(schema))
        {
            case "string":
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                var minLength = schema.TryGetProperty("minLength", out var min) ? min.GetInt32() : 0;
                var text = format switch
                {
                    "uuid" => "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                    "date-time" => "2024-01-02T03:04:05Z",
                    "date" => "2024-01-02",
                    "email" => "a@example.com",
                    "uri" or "url" => "https://example.com/",
                    _ => schema.TryGetProperty("pattern", out var pattern) && RegexSample.Of(pattern.GetString()!) is { } match ? match : null,
                };
                return text ?? new string('x', Math.Max(1, minLength));
            case "integer":
            case "number":
                var value = Bound(schema, "minimum", "exclusiveMinimum") is { } low ? low.Value + (low.Exclusive ? 1 : 0) : 1;
                if (Bound(schema, "maximum", "exclusiveMaximum") is { } high && value > high.Value) value = high.Value - (high.Exclusive ? 1 : 0);
                return Number(value);
            case "boolean":
                return true;
            case "array":
                var count = schema.TryGetProperty("minItems", out var minItems) ? minItems.GetInt32() : 0;
                return new JsonArray(Enumerable.Range(0, count).Select(_ => Sample(schema.GetProperty("items"), depth + 1)).ToArray());
            default:
                if (!schema.TryGetProperty("properties", out var properties)) return new JsonObject();
                var result = new JsonObject();
                foreach (var name in Required(schema)) if (properties.TryGetProperty(name, out var p)) result[name] = Sample(p, depth + 1);
                return result;
        }
    }
}

/// <summary>What one spec's sweep did, for the test output and artifacts/test-results/negative-inputs.md.</summary>
public sealed class NegativeResult(string spec)
{
    public string Spec { get; } = spec;

    public int Operations { get; set; }

    public int Valid { get; set; }

    public int Boundaries { get; set; }

    public int Mutations => ByKind.Values.Sum();

    public SortedDictionary<string, int> ByKind { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<int, int> ByStatus { get; } = new();

    public List<string> Failures { get; } = new();

    public void Mutation(string kind) => ByKind[kind] = ByKind.GetValueOrDefault(kind) + 1;

    public void Count(HttpStatusCode status) => ByStatus[(int)status] = ByStatus.GetValueOrDefault((int)status) + 1;

    public void Fail(string operation, string what, string problem) => Failures.Add(operation + ", " + what + ": " + problem);

    public string Row => "| " + Spec + " | " + Operations + " | " + Valid + " | " + Boundaries + " | " + Mutations + " | "
        + string.Join(", ", ByStatus.Select(p => p.Key + ": " + p.Value)) + " | " + Failures.Count + " | "
        + string.Join(", ", ByKind.Select(p => p.Key + " " + p.Value)) + " |";
}
