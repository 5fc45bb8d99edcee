using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace OpenApiGen.Tests;

/// <summary>
/// Server defects found by an outside API tester (issue 9, defects 8–12): a small spec per concern, its generated
/// server compiled with a tiny Kestrel host on 127.0.0.1 and driven over raw HTTP, asserting status, content type and
/// body shape. The same requests and answers hold for both servers: MVC controllers and minimal-API endpoints.
/// </summary>
public sealed class MvcServerConformanceTests : ServerConformanceTests
{
    private const string Host = """
    public sealed class FaultsController : FaultsControllerBase
    {
        public override Task<GetFaultResult> GetFault(int n, CancellationToken ct) => Task.FromResult<GetFaultResult>("n=" + n);

        // The documented 400 body is the spec's own Fault shape: built here, through the generated hook.
        protected override Microsoft.AspNetCore.Mvc.IActionResult InvalidInput(ConformInputErrorAttribute documented, System.Collections.Generic.IReadOnlyList<ConformInputError> errors) =>
            new Microsoft.AspNetCore.Mvc.ObjectResult(new Fault { Code = 40001, Message = string.Join("; ", errors.Select(e => ConformErrorBodies.Dotted(e.Location))) }) { StatusCode = documented.StatusCode };
    }

    public static class TestHost
    {
        public static WebApplication Start()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddControllers().AddApplicationPart(typeof(TestHost).Assembly)
                .AddJsonOptions(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, ConformJsonContext.Default));
            builder.Services.AddAuthentication().AddConformSecurity(o => o.UseKey("k-secret"));
            var app = builder.Build();
            app.MapControllers();
            app.StartAsync().GetAwaiter().GetResult();
            return app;
        }
    }
    """;

    private static readonly Lazy<(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http)> Started = new(() => Start("Server;Models", "ControllerBase", Host));

    protected override HttpClient Http => Started.Value.Http;
}

/// <summary>The same conformance, served by the generated minimal-API endpoints (no MVC anywhere in the host).</summary>
public sealed class MinimalApiServerConformanceTests : ServerConformanceTests
{
    private const string Host = """
    public sealed class FaultsController : FaultsHandlerBase
    {
        public override Task<GetFaultResult> GetFault(int n, CancellationToken ct) => Task.FromResult<GetFaultResult>("n=" + n);

        // The documented 400 body is the spec's own Fault shape: built here, through the generated hook.
        protected override Microsoft.AspNetCore.Http.IResult InvalidInput(ConformInputErrorAttribute documented, System.Collections.Generic.IReadOnlyList<ConformInputError> errors) =>
            Microsoft.AspNetCore.Http.Results.Json(new Fault { Code = 40001, Message = string.Join("; ", errors.Select(e => ConformErrorBodies.Dotted(e.Location))) },
                ConformEndpoints.JsonOptions, statusCode: documented.StatusCode);
    }

    public static class TestHost
    {
        public static WebApplication Start()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelCore();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddScoped<ItemsHandlerBase, ItemsController>();
            builder.Services.AddScoped<PetsHandlerBase, PetsController>();
            builder.Services.AddScoped<ThingsHandlerBase, ThingsController>();
            builder.Services.AddScoped<FaultsHandlerBase, FaultsController>();
            builder.Services.AddScoped<PlainHandlerBase, PlainController>();
            builder.Services.AddScoped<SettingsHandlerBase, SettingsController>();
            builder.Services.AddScoped<FilesHandlerBase, FilesController>();
            builder.Services.AddScoped<MessagesHandlerBase, MessagesController>();
            builder.Services.AddScoped<RawHandlerBase, RawController>();
            builder.Services.AddAuthentication().AddConformSecurity(o => o.UseKey("k-secret"));
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapConformEndpoints();
            app.StartAsync().GetAwaiter().GetResult();
            return app;
        }
    }
    """;

    private static readonly Lazy<(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http)> Started = new(() => Start("MinimalApi;Models", "HandlerBase", Host));

    protected override HttpClient Http => Started.Value.Http;

    protected override string[] OddFieldNameErrors => ["body.file", "body.note"];
}

public abstract class ServerConformanceTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Conform, version: "1" }
    components:
      securitySchemes:
        Key: { type: apiKey, in: header, name: X-Key }
      schemas:
        HTTPValidationError:
          type: object
          properties: { detail: { type: array, items: { $ref: '#/components/schemas/ValidationError' } } }
        ValidationError:
          type: object
          required: [loc, msg, type]
          properties:
            loc: { type: array, items: { anyOf: [ { type: string }, { type: integer } ] } }
            msg: { type: string }
            type: { type: string }
        Item:
          type: object
          required: [name]
          properties: { name: { type: string }, count: { type: integer, format: int32 } }
        Pet:
          type: object
          required: [id, name]
          additionalProperties: false
          properties:
            id: { type: string, format: uuid }
            name: { type: string, minLength: 1, maxLength: 8, pattern: '^[A-Z]' }
            born: { type: string, format: date }
            seen: { type: string, format: date-time }
            weight: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 100, multipleOf: 0.5 }
            kind: { type: string, enum: [cat, dog] }
            tags: { type: array, minItems: 1, maxItems: 2, uniqueItems: true, items: { type: string, minLength: 1 } }
            owner: { $ref: '#/components/schemas/Owner' }
        Owner:
          type: object
          additionalProperties: false
          properties: { name: { type: string } }
        Fault:
          type: object
          required: [code, message]
          properties: { code: { type: integer, format: int32 }, message: { type: string } }
        ErrorResponse:
          type: object
          required: [message]
          properties: { message: { type: string } }
    paths:
      /items:
        post:
          operationId: createItem
          tags: [items]
          parameters:
            - { name: q, in: query, required: true, schema: { type: string } }
            - { name: limit, in: query, schema: { type: integer, format: int32, nullable: true } }
          requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "422": { description: invalid, content: { application/json: { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } }
      /pets:
        post:
          operationId: createPet
          tags: [pets]
          parameters:
            - { name: tag, in: query, schema: { type: string, minLength: 2, maxLength: 5, pattern: '^[a-z]+$' } }
            - { name: size, in: query, schema: { type: integer, format: int32, minimum: 1, maximum: 10 } }
            - { name: color, in: query, schema: { type: string, enum: [red, green] } }
            - { name: ids, in: query, schema: { type: array, minItems: 1, maxItems: 3, uniqueItems: true, items: { type: integer, format: int32, multipleOf: 2 } } }
          requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "422": { description: invalid, content: { application/json: { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } }
      /things/{id}:
        get:
          operationId: getThing
          tags: [things]
          parameters: [ { name: id, in: path, required: true, schema: { type: integer, format: int32 } } ]
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "400":
              description: bad
              content:
                application/problem+json:
                  schema: { type: object, properties: { title: { type: string }, status: { type: integer }, detail: { type: string } } }
      /faults:
        get:
          operationId: getFault
          tags: [faults]
          parameters: [ { name: n, in: query, required: true, schema: { type: integer, format: int32 } } ]
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "400": { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/Fault' } } } }
      /plain:
        get:
          operationId: plain
          tags: [plain]
          parameters: [ { name: n, in: query, required: true, schema: { type: integer, format: int32 } } ]
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
      /settings:
        get:
          operationId: loadSettings
          tags: [settings]
          security: [ { Key: [] } ]
          parameters: [ { name: limit, in: query, schema: { type: integer, format: int32 } } ]
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "401": { description: Invalid token, content: { application/json: { schema: { type: object, additionalProperties: true } } } }
            "422": { description: invalid, content: { application/json: { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } }
      /upload:
        post:
          operationId: upload
          tags: [files]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema: { type: object, required: [file, note], properties: { file: { type: string, format: binary }, note: { type: string } } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "422": { description: invalid, content: { application/json: { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } }
      /messages:
        get:
          operationId: getMessage
          tags: [messages]
          parameters: [ { name: n, in: query, required: true, schema: { type: integer, format: int32 } } ]
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
            "400": { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }
      /archive:
        put:
          operationId: putArchive
          tags: [raw]
          requestBody:
            content:
              application/x-tar: { schema: { type: string, format: binary } }
              application/octet-stream: { schema: { type: string, format: binary } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
      /notes:
        post:
          operationId: postNote
          tags: [raw]
          # Ignored, as OpenAPI says of Content-Type header parameters (docker's /build declares one its body contradicts).
          parameters: [ { name: Content-Type, in: header, schema: { type: string, enum: [application/x-tar] } } ]
          requestBody: { required: true, content: { text/plain: { schema: { type: string } } } }
          responses:
            "200": { description: ok, content: { application/json: { schema: { type: string } } } }
    """;

    // The handlers of both servers: derived from "{Group}" + the base suffix, with the same abstract methods.
    private const string Handlers = """
    using System.Linq;
    using System.Threading;
    using System.Threading.Tasks;
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using Conform.Api;

    public sealed class ItemsController : ItemsControllerBase
    {
        public override Task<CreateItemResult> CreateItem(string q, int? limit, Item body, CancellationToken ct) =>
            Task.FromResult<CreateItemResult>("q=[" + q + "] limit=" + (limit?.ToString() ?? "none") + " name=" + body.Name);
    }

    public sealed class PetsController : PetsControllerBase
    {
        public override Task<CreatePetResult> CreatePet(string? tag, int? size, CreatePetColor? color, System.Collections.Generic.IReadOnlyList<int>? ids, Pet body, CancellationToken ct) =>
            Task.FromResult<CreatePetResult>(body.Name + "|" + tag + "|" + size + "|" + color + "|" + string.Join(",", ids ?? []));
    }

    public sealed class ThingsController : ThingsControllerBase
    {
        public override Task<GetThingResult> GetThing(int id, CancellationToken ct) => Task.FromResult<GetThingResult>("thing " + id);
    }

    public sealed class PlainController : PlainControllerBase
    {
        public override Task<PlainResult> Plain(int n, CancellationToken ct) => Task.FromResult<PlainResult>("n=" + n);
    }

    public sealed class SettingsController : SettingsControllerBase
    {
        public override Task<LoadSettingsResult> LoadSettings(int? limit, CancellationToken ct) => Task.FromResult<LoadSettingsResult>("settings");
    }

    public sealed class FilesController : FilesControllerBase
    {
        public override Task<UploadResult> Upload(Microsoft.AspNetCore.Http.IFormFile file, string note, CancellationToken ct) =>
            Task.FromResult<UploadResult>(file.FileName + ":" + file.Length + ":[" + note + "]");
    }

    public sealed class MessagesController : MessagesControllerBase
    {
        public override Task<GetMessageResult> GetMessage(int n, CancellationToken ct) => Task.FromResult<GetMessageResult>("n=" + n);
    }

    public sealed class RawController : RawControllerBase
    {
        public override async Task<PutArchiveResult> PutArchive(System.IO.Stream? body, CancellationToken ct)
        {
            using var copy = new System.IO.MemoryStream();
            if (body is not null) await body.CopyToAsync(copy, ct);
            return "bytes=" + copy.Length;
        }

        public override Task<PostNoteResult> PostNote(string body, CancellationToken ct) => Task.FromResult<PostNoteResult>("note=" + body);
    }
    """;

    /// <summary>Compiles the spec's <paramref name="generate"/> server with the handlers and <paramref name="host"/>, and starts it on a free port.</summary>
    protected static (Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http) Start(string generate, string baseSuffix, string host)
    {
        var handlers = Handlers.Replace("ControllerBase", baseSuffix, StringComparison.Ordinal);
        var usings = string.Join("\n", Handlers.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
        var assembly = GeneratorHarness.CompileAndLoad(new SpecFile("/project/conform.yaml", Spec, "Conform.Api", generate), "conform-" + baseSuffix, collectible: false, handlers, usings + "\n" + host);
        var app = (Microsoft.AspNetCore.Builder.WebApplication)assembly.GetType("TestHost")!.GetMethod("Start")!.Invoke(null, null)!;
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    protected abstract HttpClient Http { get; }

    /// <summary>
    /// The errors of a form whose only field has a name like "note[": MVC's binder throws on it, so the body as a whole;
    /// the minimal-API binding takes it as a name, so the required fields it lacks.
    /// </summary>
    protected virtual string[] OddFieldNameErrors => ["body"];

    private sealed record Reply(HttpStatusCode Status, string? ContentType, string Text)
    {
        public JsonElement Json => JsonDocument.Parse(Text).RootElement;

        /// <summary>HTTPValidationError: each detail item's loc joined with "." (every item must have loc, msg and type).</summary>
        public string[] Locations => Json.GetProperty("detail").EnumerateArray().Select(e =>
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty("msg").ValueKind);
            Assert.Equal(JsonValueKind.String, e.GetProperty("type").ValueKind);
            return string.Join(".", e.GetProperty("loc").EnumerateArray().Select(p => p.ToString()));
        }).ToArray();
    }

    private async Task<Reply> Send(HttpMethod method, string path, HttpContent? content = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Key", key);
        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpContent Multipart(string raw, string boundary = "XyZ")
    {
        var content = new StringContent(raw.Replace("\n", "\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + boundary);
        return content;
    }

    private static string Part(string name, string value, string? fileName = null) =>
        "--XyZ\nContent-Disposition: form-data; name=\"" + name + "\"" + (fileName is null ? "" : "; filename=\"" + fileName + "\"") + "\n\n" + value + "\n";

    private const string End = "--XyZ--\n";

    private static void AssertValidationError(Reply reply, params string[] locations)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(locations.Order(StringComparer.Ordinal), reply.Locations.Order(StringComparer.Ordinal));
    }

    private static void AssertProblem(Reply reply, string contentType, params string[] locations)
    {
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(contentType, reply.ContentType);
        Assert.Equal(400, reply.Json.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, reply.Json.GetProperty("title").ValueKind);
        Assert.Equal(locations, reply.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Defect8_invalid_input_gets_the_documented_client_error_in_its_documented_shape()
    {
        // 422 HTTPValidationError documented: detail[] with FastAPI locations, for query and body alike.
        AssertValidationError(await Send(HttpMethod.Post, "items?q=a&limit=x", Json("""{"name":"n"}""")), "query.limit");
        var both = await Send(HttpMethod.Post, "items", Json("""{"name":"n","count":"x"}"""));
        AssertValidationError(both, "query.q", "body.count");
        Assert.Equal("missing", both.Json.GetProperty("detail").EnumerateArray().Single(e => e.GetProperty("loc")[0].GetString() == "query").GetProperty("type").GetString());
        // 400 application/problem+json documented: RFC 9457 with the errors by location.
        AssertProblem(await Send(HttpMethod.Get, "things/abc"), "application/problem+json", "path.id");
        // 400 of the spec's own shape: the generated InvalidInput hook, overridden by the controller, builds it.
        var fault = await Send(HttpMethod.Get, "faults?n=abc");
        Assert.Equal((HttpStatusCode.BadRequest, "application/json"), (fault.Status, fault.ContentType));
        Assert.Equal((40001, "query.n"), (fault.Json.GetProperty("code").GetInt32(), fault.Json.GetProperty("message").GetString()));
        // Nothing documented: 400 problem details, as before.
        AssertProblem(await Send(HttpMethod.Get, "plain?n=x"), "application/problem+json", "query.n");
        // Authentication comes first: invalid input without credentials is 401; with them, the documented 422.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "settings?limit=x")).Status);
        AssertValidationError(await Send(HttpMethod.Get, "settings?limit=x", key: "k-secret"), "query.limit");
    }

    [Fact]
    public async Task Defect9_empty_strings_are_values_and_null_for_a_nullable_query_is_the_documented_error()
    {
        var empty = await Send(HttpMethod.Post, "items?q=", Json("""{"name":""}"""));
        Assert.Equal((HttpStatusCode.OK, "\"q=[] limit=none name=\""), (empty.Status, empty.Text));
        var form = await Send(HttpMethod.Post, "upload", Multipart(Part("note", "") + Part("file", "hello", "a.txt") + End));
        Assert.Equal((HttpStatusCode.OK, "\"a.txt:5:[]\""), (form.Status, form.Text));
        // The literal null is not an integer: answered like any invalid value, with the documented 422 (as FastAPI does).
        AssertValidationError(await Send(HttpMethod.Post, "items?q=a&limit=null", Json("""{"name":"n"}""")), "query.limit");
    }

    private static string[] Errors(Reply reply)
    {
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "application/json"), (reply.Status, reply.ContentType));
        return reply.Json.GetProperty("detail").EnumerateArray()
            .Select(e => string.Join(".", e.GetProperty("loc").EnumerateArray().Select(p => p.ToString())) + " " + e.GetProperty("type").GetString())
            .Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Defect10_constraints_on_parameters_and_body_are_enforced_with_the_location_of_each_error()
    {
        var body = """
            {"id":"not-a-uuid","name":"lowercase-too-long","born":"2020-13-01","seen":"yesterday","weight":0,"kind":"bird",
             "tags":["a","a","b"],"extra":1,"owner":{"name":"o","extra2":true}}
            """;
        Assert.Equal(new[]
        {
            "body.born date_parsing", "body.extra extra_forbidden", "body.id uuid_parsing", "body.kind enum",
            "body.name string_pattern_mismatch", "body.name string_too_long", "body.owner.extra2 extra_forbidden",
            "body.seen datetime_parsing", "body.tags too_long", "body.tags unique_items", "body.weight greater_than",
        }, Errors(await Send(HttpMethod.Post, "pets", Json(body))));
        Assert.Equal(new[] { "body.id missing", "body.name missing", "body.tags.0 string_too_short", "body.weight multiple_of" },
            Errors(await Send(HttpMethod.Post, "pets", Json("""{"tags":[""],"weight":7.25}"""))));
        Assert.Equal(new[]
        {
            "query.color enum", "query.ids too_long", "query.ids unique_items", "query.ids.2 multiple_of",
            "query.size less_than_equal", "query.tag string_pattern_mismatch", "query.tag string_too_short",
        }, Errors(await Send(HttpMethod.Post, "pets?tag=A&size=11&color=blue&ids=2&ids=2&ids=3&ids=4", Json("""{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","name":"A"}"""))));

        // Boundary-valid input passes: limits themselves, non-ASCII text counted in code points, every format.
        var valid = await Send(HttpMethod.Post, "pets?tag=ab&size=10&color=green&ids=2&ids=4", Json("""
            {"id":"7C9E6679-7425-40DE-944B-E07FC1F90AE7","name":"Zoë😀","born":"2020-02-29","seen":"2020-02-29T10:00:00.5+01:00",
             "weight":100,"kind":"dog","tags":["x","y"],"owner":{"name":""}}
            """));
        Assert.Equal((HttpStatusCode.OK, "Zoë😀|ab|10|green|2,4"), (valid.Status, valid.Json.GetString()));
    }

    [Fact]
    public async Task Defect11_malformed_input_is_the_documented_error_or_415_never_500()
    {
        AssertValidationError(await Send(HttpMethod.Post, "items?q=a", Json("""{"name":""")), "body.name");
        AssertValidationError(await Send(HttpMethod.Post, "items?q=a", Json("""{"name":"n","count":99999999999}""")), "body.count");
        AssertValidationError(await Send(HttpMethod.Post, "items?q=a&limit=%E0%A4%A", Json("""{"name":"n"}""")), "query.limit");
        AssertProblem(await Send(HttpMethod.Get, "things/99999999999"), "application/problem+json", "path.id");
        AssertProblem(await Send(HttpMethod.Get, "things/%FF"), "application/problem+json", "path.id");
        // Multipart: field names MVC's binder throws on, a body that is not multipart, a missing boundary.
        AssertValidationError(await Send(HttpMethod.Post, "upload", Multipart(Part("note[", "x") + End)), OddFieldNameErrors);
        AssertValidationError(await Send(HttpMethod.Post, "upload", Multipart(Part("a]b[", "x") + End)), OddFieldNameErrors);
        AssertValidationError(await Send(HttpMethod.Post, "upload", Multipart("garbage")), "body");
        AssertValidationError(await Send(HttpMethod.Post, "upload", Multipart(Part("note", "x") + End, "\"\"")), "body");
        // A content type the operation does not list: 415.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(HttpMethod.Post, "items?q=a", new StringContent("x"))).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(HttpMethod.Post, "upload", Json("{}"))).Status);
    }

    [Fact]
    public async Task Defect12_the_challenge_carries_the_documented_401_body()
    {
        var challenge = await Send(HttpMethod.Get, "settings");
        Assert.Equal((HttpStatusCode.Unauthorized, "application/json"), (challenge.Status, challenge.ContentType));
        Assert.Equal("Not authenticated", challenge.Json.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "settings", key: "k-secret")).Status);
    }

    [Fact]
    public async Task An_error_schema_with_one_required_text_member_gets_the_text_there()
    {
        // docker's ErrorResponse {message} (required): the generated default conforms, no hook needed.
        var reply = await Send(HttpMethod.Get, "messages?n=x");
        Assert.Equal((HttpStatusCode.BadRequest, "application/json"), (reply.Status, reply.ContentType));
        Assert.Equal(["message"], reply.Json.EnumerateObject().Select(m => m.Name));
        Assert.Contains("query.n: ", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Text_and_binary_bodies_are_read_without_an_input_formatter_and_other_media_types_are_415()
    {
        static ByteArrayContent Raw(string text, string mediaType) => new(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(mediaType) } };
        // Every documented media type is accepted (MVC alone would answer 415: it has no formatter for them).
        var tar = await Send(HttpMethod.Put, "archive", Raw("hello", "application/x-tar"));
        Assert.Equal((HttpStatusCode.OK, "bytes=5"), (tar.Status, tar.Json.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Put, "archive", Raw("hello", "application/octet-stream"))).Status);
        // PostNote(string body, ...) compiles: the Content-Type header parameter was ignored, so text/plain is not refused by its enum.
        var note = await Send(HttpMethod.Post, "notes", Raw("Zoë 😀", "text/plain; charset=utf-8"));
        Assert.Equal((HttpStatusCode.OK, "note=Zoë 😀"), (note.Status, note.Json.GetString()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(HttpMethod.Put, "archive", Json("{}"))).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(HttpMethod.Post, "notes", Raw("x", "application/octet-stream"))).Status);
        var nonsense = new ByteArrayContent([1]);
        nonsense.Headers.TryAddWithoutValidation("Content-Type", "not a media type");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(HttpMethod.Put, "archive", nonsense)).Status);
    }
}
