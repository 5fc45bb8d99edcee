using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace OpenApiGen.Tests;

/// <summary>
/// Server defects found by an outside API tester (issue 9, defects 8–12): a small spec per concern, its generated
/// controllers compiled with a tiny Kestrel host on 127.0.0.1 and driven over raw HTTP, asserting status, content
/// type and body shape.
/// </summary>
public class ServerConformanceTests
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
        Fault:
          type: object
          required: [code, message]
          properties: { code: { type: integer, format: int32 }, message: { type: string } }
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
    """;

    private const string Host = """
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

    public sealed class ThingsController : ThingsControllerBase
    {
        public override Task<GetThingResult> GetThing(int id, CancellationToken ct) => Task.FromResult<GetThingResult>("thing " + id);
    }

    public sealed class FaultsController : FaultsControllerBase
    {
        public override Task<GetFaultResult> GetFault(int n, CancellationToken ct) => Task.FromResult<GetFaultResult>("n=" + n);

        // The documented 400 body is the spec's own Fault shape: built here, through the generated hook.
        protected override Microsoft.AspNetCore.Mvc.IActionResult InvalidInput(ConformInputErrorAttribute documented, System.Collections.Generic.IReadOnlyList<ConformInputError> errors) =>
            new Microsoft.AspNetCore.Mvc.ObjectResult(new Fault { Code = 40001, Message = string.Join("; ", errors.Select(e => ConformErrorBodies.Dotted(e.Location))) }) { StatusCode = documented.StatusCode };
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

    private static readonly Lazy<Assembly> Compiled = new(() =>
        GeneratorHarness.CompileAndLoad(new SpecFile("/project/conform.yaml", Spec, "Conform.Api", "Server;Models"), "conform", collectible: false, Host));

    private static readonly Lazy<(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http)> Server = new(() =>
    {
        var app = (Microsoft.AspNetCore.Builder.WebApplication)Compiled.Value.GetType("TestHost")!.GetMethod("Start")!.Invoke(null, null)!;
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    });

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

    private static async Task<Reply> Send(HttpMethod method, string path, HttpContent? content = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Key", key);
        using var response = await Server.Value.Http.SendAsync(request);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Diagnose()
    {
        foreach (var (m, p, c, k) in new (HttpMethod, string, HttpContent?, string?)[]
        {
            (HttpMethod.Post, "items?q=a&limit=x", Json("""{"name":"n"}"""), null),
            (HttpMethod.Post, "items", Json("""{"count":"x"}"""), null),
            (HttpMethod.Post, "items?q=", Json("""{"name":"n"}"""), null),
            (HttpMethod.Post, "items?q=a&limit=null", Json("""{"name":"n"}"""), null),
            (HttpMethod.Post, "items?q=a", Json("""{"name":"""), null),
            (HttpMethod.Post, "items?q=a", new StringContent("x"), null),
            (HttpMethod.Get, "things/abc", null, null),
            (HttpMethod.Get, "faults?n=abc", null, null),
            (HttpMethod.Get, "plain?n=99999999999", null, null),
            (HttpMethod.Get, "settings?limit=x", null, null),
            (HttpMethod.Get, "settings?limit=x", null, "k-secret"),
        })
        {
            var r = await Send(m, p, c, k);
            Console.WriteLine(p + " => " + (int)r.Status + " " + r.ContentType + " " + r.Text);
        }
    }
}
