using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 9, B.3: the generated server of the real openhands.json (every operation stubbed), driven over HTTP with a
/// valid request per operation built from the spec's schemas, then mutated one constraint at a time (missing required,
/// wrong type, unknown member where additionalProperties is false, malformed JSON and multipart). Every mutation gets
/// the documented error (422 HTTPValidationError, else 400) located where the mutation was; nothing is ever 500; the
/// valid request and boundary-valid variants (empty strings, non-ASCII text) are accepted.
/// </summary>
public class OpenHandsNegativeInputTests
{
    private const string Key = "k-secret";

    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedSpecs, "openhands.json"))).RootElement);

    private static readonly Lazy<(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http)> Server = new(() =>
    {
        var spec = new SpecFile("/project/openhands.json", File.ReadAllText(Path.Combine(TestPaths.SharedSpecs, "openhands.json")), "OpenHands.Api", "Server;Models");
        var assembly = GeneratorHarness.CompileAndLoad(spec, "openhands-negative", collectible: false, Stubs(spec), Host);
        var app = (Microsoft.AspNetCore.Builder.WebApplication)assembly.GetType("NegativeHost")!.GetMethod("Start")!.Invoke(null, null)!;
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    });

    private const string Host = """
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using OpenHands.Api;

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
                .AddJsonOptions(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, OpenHands.Api.OpenHandsJsonContext.Default));
            builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader("k-secret"));
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
    private static string Stubs(SpecFile spec)
    {
        var (_, output) = GeneratorHarness.Run(spec);
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

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        var path = Path.Combine(TestPaths.SharedSpecs, "openhands.json");
        if (!File.Exists(path)) return data;
        foreach (var item in JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in item.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")) data.Add(op.Name.ToUpperInvariant() + " " + item.Name);
        }
        return data;
    }

    private sealed record Call(string Method, string Path, List<(string Name, string Value)> Query, HttpContent? Content);

    [SharedSpecsTheory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_answers_mutations_with_its_documented_error_and_accepts_valid_input(string operation)
    {
        var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
        var op = Document.Value.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
        var parameters = op.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : new List<JsonElement>();
        var documents422 = op.GetProperty("responses").TryGetProperty("422", out _);
        var body = RequestBody(op);

        Call Valid(Func<JsonElement, string?>? value = null, JsonNode? json = null)
        {
            var query = new List<(string, string)>();
            var route = path;
            foreach (var p in parameters)
            {
                var name = p.GetProperty("name").GetString()!;
                var required = p.TryGetProperty("required", out var r) && r.GetBoolean();
                var text = value?.Invoke(p) ?? (required ? Text(Sample(p.GetProperty("schema"))) : null);
                if (p.GetProperty("in").GetString() == "path") route = route.Replace("{" + name + "}", Uri.EscapeDataString(text ?? "x"));
                else if (text is not null) query.Add((name, text));
            }
            return new Call(method, route, query, body.Multipart ? ValidMultipart(body.Schema) : body.Schema is { } schema ? Json((json ?? Sample(schema))?.ToJsonString() ?? "null") : null);
        }

        // The valid request, and boundary-valid variants: empty and non-ASCII strings in every string parameter.
        Assert.Equal(HttpStatusCode.OK, (await Send(Valid())).Status);
        foreach (var text in new[] { "", "Zoë 😀 ünïcode" })
        {
            var reply = await Send(Valid(p => IsString(p.GetProperty("schema")) && p.GetProperty("in").GetString() != "path" ? text : null));
            Assert.True(reply.Status == HttpStatusCode.OK, operation + " with \"" + text + "\": " + reply);
        }

        // Without credentials: 401 before any validation, even for invalid input.
        if (op.TryGetProperty("security", out _))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(Valid(p => "not-a-number"), withKey: false)).Status);
        }

        var mutations = new List<(string What, Call Call, string Location)>();
        foreach (var p in parameters)
        {
            var name = p.GetProperty("name").GetString()!;
            var where = p.GetProperty("in").GetString()!;
            var required = p.TryGetProperty("required", out var r) && r.GetBoolean();
            if (required && where == "query")
            {
                var valid = Valid();
                mutations.Add(("missing " + name, valid with { Query = valid.Query.Where(x => x.Name != name).ToList() }, "query." + name));
            }
            if (IsTyped(p.GetProperty("schema"))) mutations.Add(("wrong type " + name, Valid(q => q.GetProperty("name").GetString() == name ? "not-a-number" : null), where + "." + name));
        }
        if (body.Schema is { } bodySchema && !body.Multipart)
        {
            mutations.Add(("malformed JSON", Valid() with { Content = Json("{\"a\":") }, "body"));
            if (Resolve(bodySchema).TryGetProperty("properties", out _))
            {
                mutations.Add(("array for object", Valid() with { Content = Json("[]") }, "body"));
                var resolved = Resolve(bodySchema);
                foreach (var name in Required(resolved))
                {
                    var sample = (JsonObject)Sample(bodySchema)!;
                    sample.Remove(name);
                    mutations.Add(("missing member " + name, Valid(json: sample), "body." + name));
                }
                if (resolved.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                {
                    var sample = (JsonObject)Sample(bodySchema)!;
                    sample["zz_unknown"] = 1;
                    mutations.Add(("unknown member", Valid(json: sample), "body.zz_unknown"));
                }
            }
        }
        if (body.Multipart)
        {
            var garbage = new StringContent("garbage");
            garbage.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
            mutations.Add(("malformed multipart", Valid() with { Content = garbage }, "body"));
            mutations.Add(("unparsable field name", Valid() with { Content = Multipart(("files[", null, "x")) }, "body"));
        }

        foreach (var (what, call, location) in mutations)
        {
            var reply = await Send(call);
            var context = operation + ", " + what + ": " + reply;
            Assert.True(reply.Status == (documents422 ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest), context);
            if (!documents422) continue;
            Assert.True(reply.ContentType == "application/json", context);
            // HTTPValidationError: every item has loc, msg and type, and one names the mutated input.
            var locations = JsonDocument.Parse(reply.Text).RootElement.GetProperty("detail").EnumerateArray().Select(e =>
            {
                Assert.Equal(JsonValueKind.String, e.GetProperty("msg").ValueKind);
                Assert.Equal(JsonValueKind.String, e.GetProperty("type").ValueKind);
                return string.Join(".", e.GetProperty("loc").EnumerateArray().Select(x => x.ToString()));
            }).ToList();
            Assert.True(locations.Any(l => l == location || l.StartsWith(location + ".", StringComparison.Ordinal)), context);
        }
    }

    private sealed record Reply(HttpStatusCode Status, string? ContentType, string Text)
    {
        public override string ToString() => (int)Status + " " + ContentType + " " + Text;
    }

    private static async Task<Reply> Send(Call call, bool withKey = true)
    {
        var query = string.Join("&", call.Query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path.TrimStart('/') + (query.Length > 0 ? "?" + query : "")) { Content = call.Content };
        if (withKey) request.Headers.Add("X-Session-API-Key", Key);
        using var response = await Server.Value.Http.SendAsync(request);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static (JsonElement? Schema, bool Multipart) RequestBody(JsonElement op)
    {
        if (!op.TryGetProperty("requestBody", out var body)) return (null, false);
        var content = body.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json)) return (json.GetProperty("schema"), false);
        return content.TryGetProperty("multipart/form-data", out var form) ? (form.GetProperty("schema"), true) : (null, false);
    }

    private static HttpContent ValidMultipart(JsonElement? schema)
    {
        var parts = new List<(string, string?, string)>();
        var resolved = Resolve(schema!.Value);
        foreach (var property in resolved.GetProperty("properties").EnumerateObject())
        {
            var item = Resolve(property.Value);
            var isFiles = item.TryGetProperty("items", out var items) && Resolve(items).TryGetProperty("format", out var f) && f.GetString() == "binary";
            parts.Add((property.Name, isFiles ? "a.txt" : null, isFiles ? "hello" : Text(Sample(property.Value)) ?? "x"));
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
        var content = new StringContent(text.Append("--XyZ--\r\n").ToString());
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
        return content;
    }

    private static JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var node = Document.Value;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = node;
        }
        return schema;
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    // The non-null alternative of anyOf [X, null] (FastAPI's Optional[X]).
    private static JsonElement NonNull(JsonElement schema)
    {
        schema = Resolve(schema);
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(key, out var options))
                return NonNull(options.EnumerateArray().First(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        }
        if (schema.TryGetProperty("allOf", out var parts) && parts.GetArrayLength() == 1) return NonNull(parts[0]);
        return schema;
    }

    private static string? TypeOf(JsonElement schema) => NonNull(schema).TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static bool IsString(JsonElement schema) => TypeOf(schema) == "string" && !NonNull(schema).TryGetProperty("enum", out _) && !NonNull(schema).TryGetProperty("format", out _);

    private static bool IsTyped(JsonElement schema) => TypeOf(schema) is "integer" or "number" or "boolean" || NonNull(schema).TryGetProperty("enum", out _);

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>A minimal valid value: required members only, the first enum value, a format's canonical form.</summary>
    private static JsonNode? Sample(JsonElement schema, int depth = 0)
    {
        schema = NonNull(schema);
        if (depth > 8) return null;
        if (schema.TryGetProperty("enum", out var values)) return JsonNode.Parse(values[0].GetRawText());
        if (schema.TryGetProperty("allOf", out var parts))
        {
            var merged = new JsonObject();
            foreach (var part in parts.EnumerateArray())
            {
                if (Sample(part, depth + 1) is JsonObject o) foreach (var pair in o.ToList()) { o.Remove(pair.Key); merged[pair.Key] = pair.Value; }
            }
            return merged;
        }
        switch (TypeOf(schema))
        {
            case "string":
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                return format switch
                {
                    "uuid" => "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                    "date-time" => "2024-01-02T03:04:05Z",
                    "date" => "2024-01-02",
                    _ => new string('x', Math.Max(1, schema.TryGetProperty("minLength", out var min) ? min.GetInt32() : 1)),
                };
            case "integer":
                return schema.TryGetProperty("minimum", out var minimum) ? minimum.GetInt64() : 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "array":
                return new JsonArray();
            default:
                if (!schema.TryGetProperty("properties", out var properties)) return new JsonObject();
                var result = new JsonObject();
                foreach (var name in Required(schema)) result[name] = Sample(properties.GetProperty(name), depth + 1);
                return result;
        }
    }
}
