using System.Reflection;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 9's client defects, one test each: a raw Kestrel app (no generated server) answers with the payloads
/// that broke generated clients — scalar allOf values, RFC 3339 and RFC 3986 text, a > 64 KB discriminated array
/// read from the stream, documented statuses without a body, unreadable bodies — and echoes what the client sent
/// (content headers, multipart part headers).
/// </summary>
public class ClientConformanceTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Probe, version: "1" }
    paths:
      /events:
        post:
          operationId: echoEvent
          tags: [things]
          requestBody:
            required: true
            content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } }
          responses:
            "200": { description: Echo., content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
      /links:
        get:
          operationId: getLink
          tags: [things]
          responses:
            "200": { description: A link., content: { application/json: { schema: { $ref: '#/components/schemas/Link' } } } }
      /shapes:
        get:
          operationId: listShapes
          tags: [things]
          responses:
            "200":
              description: Many shapes.
              content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Shape' } } } }
      /animals:
        get:
          operationId: listAnimals
          tags: [things]
          responses:
            "200":
              description: Many animals.
              content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Animal' } } } }
      /ranges:
        put:
          operationId: putRange
          tags: [things]
          parameters:
            - { name: Content-Range, in: header, required: true, schema: { type: string } }
            - { name: Content-Language, in: header, schema: { type: string } }
            - { name: X-Plain, in: header, schema: { type: string } }
          responses:
            "200": { description: The headers seen., content: { application/json: { schema: { type: string } } } }
      /items/{id}:
        get:
          operationId: getItem
          tags: [things]
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          responses:
            "200": { description: The item., content: { application/json: { schema: { $ref: '#/components/schemas/Link' } } } }
            "404": { description: Item not found }
      /files/{name}:
        get:
          operationId: download
          tags: [things]
          parameters:
            - { name: name, in: path, required: true, schema: { type: string } }
          responses:
            "200": { description: A file documented as JSON (FastAPI style)., content: { application/json: { schema: {} } } }
      /upload:
        post:
          operationId: upload
          tags: [things]
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [file, title]
                  properties:
                    file: { type: string, format: binary }
                    title: { type: string }
          responses:
            "200": { description: Part headers seen., content: { application/json: { schema: { type: string } } } }
      /gadgets/{id}:
        delete:
          operationId: removeGadget
          tags: [things]
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          responses:
            "204": { description: Removed (Jira documents content on its 204s)., content: { application/json: { schema: {} } } }
        head:
          operationId: probeGadget
          tags: [things]
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          responses:
            "200": { description: Exists., content: { application/json: { schema: { $ref: '#/components/schemas/Link' } } } }
      /artifacts/{hash}:
        get:
          operationId: downloadArtifact
          tags: [things]
          parameters:
            - { name: hash, in: path, required: true, schema: { type: string } }
          responses:
            "200": { description: Raw bytes documented as JSON (Vercel style)., content: { application/json: { schema: { type: string, format: binary } } } }
            "404": { description: No such artifact. }
        put:
          operationId: uploadArtifact
          tags: [things]
          parameters:
            - { name: hash, in: path, required: true, schema: { type: string } }
            - { name: Content-Length, in: header, required: true, schema: { type: number } }
          requestBody:
            required: true
            content: { application/octet-stream: { schema: { type: string, format: binary } } }
          responses:
            "200": { description: The length received., content: { application/json: { schema: { type: integer } } } }
      /tarball/{name}:
        get:
          operationId: downloadTarball
          tags: [things]
          parameters:
            - { name: name, in: path, required: true, schema: { type: string } }
          responses:
            "302":
              description: A redirect to the archive.
              headers: { Location: { schema: { type: string } } }
    components:
      schemas:
        SequenceId:
          allOf:
            - { type: string, nullable: true, description: A sequence number as text. }
            - { nullable: false }
        Level: { type: string, enum: [low, high] }
        Event:
          type: object
          required: [sequence_id, level]
          properties:
            sequence_id: { $ref: '#/components/schemas/SequenceId' }
            level: { allOf: [ { $ref: '#/components/schemas/Level' } ], description: The level., readOnly: false }
            count: { allOf: [ { type: integer }, { description: Unbounded. } ] }
            tags: { allOf: [ { type: array, items: { type: string } } ], nullable: true }
        Link:
          type: object
          properties:
            href: { type: string, format: uri }
            at: { type: string, format: date-time }
            opens: { type: string, format: time }
            size: { type: integer, format: int64 }
            limit: { type: integer, format: uint64 }
            target: { nullable: true, oneOf: [ { type: string }, { type: number } ] }
        Circle: { type: object, required: [kind, radius], properties: { kind: { type: string }, radius: { type: number }, note: { type: string } } }
        Square: { type: object, required: [kind, side], properties: { kind: { type: string }, side: { type: number }, note: { type: string } } }
        Shape:
          oneOf: [ { $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' } ]
          discriminator: { propertyName: kind, mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' } }
        Animal:
          type: object
          required: [type]
          properties: { type: { type: string }, note: { type: string } }
          discriminator: { propertyName: type }
        Dog:
          allOf: [ { $ref: '#/components/schemas/Animal' }, { type: object, properties: { barks: { type: boolean } } } ]
    """;

    private const string Host = """
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.AspNetCore.Http;
    using Microsoft.Extensions.Logging;
    using System.Linq;
    using System.Threading.Tasks;
    using Probe.Api;

    public static class TestHost
    {
        // The JSON each route answers with; a test sets what it needs before calling.
        public static string Shapes = "[]";
        public static string Animals = "[]";
        public static string Link = "{}";

        public static async Task<T> WithClient<T>(System.Func<ProbeClient, Task<T>> call)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/events", (System.Text.Json.JsonElement body) => Results.Text(body.GetRawText(), "application/json"));
            app.MapGet("/links", () => Results.Text(Link, "application/json"));
            app.MapGet("/shapes", () => Results.Text(Shapes, "application/json"));
            app.MapGet("/animals", () => Results.Text(Animals, "application/json"));
            app.MapPut("/ranges", (HttpContext c) => Results.Json(
                "range=" + c.Request.Headers.ContentRange + " language=" + c.Request.Headers.ContentLanguage + " plain=" + c.Request.Headers["X-Plain"]));
            app.MapGet("/items/{id}", (string id) => id == "bad" ? Results.Text("{\"href\": ", "application/json") : Results.NotFound());
            app.MapGet("/files/{name}", (string name) => name == "notes.txt" ? Results.Text("line one\nline two", "text/plain")
                : Results.Bytes(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE }, "application/zip"));
            app.MapDelete("/gadgets/{id}", (string id) => Results.NoContent());
            app.MapMethods("/gadgets/{id}", new[] { "HEAD" }, (HttpContext c) => { c.Response.ContentType = "application/json"; return Results.Empty; });
            app.MapGet("/artifacts/{hash}", (string hash) => hash == "missing" ? Results.NotFound() : Results.Text("\"raw\"", "application/json"));
            app.MapPut("/artifacts/{hash}", async (HttpContext c) =>
            {
                var buffer = new System.IO.MemoryStream();
                await c.Request.Body.CopyToAsync(buffer);
                return Results.Json(buffer.Length);
            });
            // "here" redirects (HttpClient follows it to a 200), "stay" answers 302 without a Location.
            app.MapGet("/tarball/{name}", (string name) => name == "here" ? Results.Redirect("/archive") : Results.StatusCode(302));
            app.MapGet("/archive", () => Results.Bytes(new byte[] { 1 }, "application/gzip"));
            app.MapPost("/upload", async (HttpContext c) =>
            {
                var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(c.Request.ContentType).Boundary).Value!;
                var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, c.Request.Body);
                var seen = new System.Collections.Generic.List<string>();
                while (await reader.ReadNextSectionAsync() is { } section) seen.Add(section.ContentDisposition!);
                return Results.Json(string.Join("\n", seen));
            });
            await app.StartAsync();
            try
            {
                return await call(new ProbeClient(new System.Net.Http.HttpClient(), new ProbeClientOptions { BaseAddress = new System.Uri(app.Urls.First()) }));
            }
            finally
            {
                await app.StopAsync();
            }
        }
    }
    """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
        GeneratorHarness.CompileAndLoad(new SpecFile("/project/probe.yaml", Spec, "Probe.Api", "Client;Models"), "probe", collectible: false, Host));

    private static Type Host_ => Compiled.Value.GetType("TestHost")!;

    private static Type Type(string name) => Compiled.Value.GetType("Probe.Api." + name)!;

    // Runs the call against a fresh app; the client is dynamic so the test reads like user code.
    private static async Task<object?> Call(Func<dynamic, Task<object?>> call)
    {
        var withClient = Host_.GetMethod("WithClient")!.MakeGenericMethod(typeof(object));
        var func = new Func<object, Task<object?>>(c => call(c));
        var converted = Delegate.CreateDelegate(withClient.GetParameters()[0].ParameterType, func.Target, func.Method);
        return await (Task<object?>)withClient.Invoke(null, new object[] { converted })!;
    }

    private static void SetPayload(string field, string json) => Host_.GetField(field)!.SetValue(null, json);

    [Fact]
    public async Task Scalar_allOf_values_are_their_scalar_types_and_round_trip()
    {
        // SequenceId is allOf [string nullable, nullable: false]: a non-null string, not an empty record.
        var eventType = Type("Event");
        Assert.Equal(typeof(string), eventType.GetProperty("SequenceId")!.PropertyType);
        Assert.Equal(Type("Level"), eventType.GetProperty("Level")!.PropertyType);
        Assert.Equal(typeof(long?), eventType.GetProperty("Count")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), eventType.GetProperty("Tags")!.PropertyType);
        Assert.DoesNotContain(Compiled.Value.GetTypes(), t => t.Name is "SequenceId" or "EventLevel" or "EventCount");

        var json = System.Text.Json.JsonSerializer.Serialize(new { sequence_id = "3", level = "high", count = 9007199254740993L, tags = new[] { "a" } });
        var options = (System.Text.Json.JsonSerializerOptions)Type("ProbeJsonContext").GetMethod("CreateOptions")!.Invoke(null, null)!;
        var value = System.Text.Json.JsonSerializer.Deserialize(json, eventType, options)!;
        var echoed = await Call(async c => (object?)await c.Things.EchoEventAsync((dynamic)value));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(echoed, eventType, options));
    }

    [Fact]
    public async Task Uri_time_date_time_and_int64_values_read_in_every_valid_form()
    {
        SetPayload("Link", """{"href":"https://example.com/a,b;c=d+e!$'()*@/x?q=[1]","at":"2024-02-29t23:59:60.123456789z","opens":"09:30:00+02:00","size":"9007199254740993"}""");
        dynamic link = (await Call(async c => (object?)await c.Things.GetLinkAsync()))!;
        Assert.Equal("https://example.com/a,b;c=d+e!$'()*@/x?q=[1]", (string)link.Href);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 23, 59, 59, 123, TimeSpan.Zero).AddTicks(4567), (DateTimeOffset)link.At);
        Assert.Equal("09:30:00+02:00", (string)link.Opens);
        Assert.Equal(9007199254740993L, (long?)link.Size); // int64 sent as a JSON string

        SetPayload("Link", """{"at":"2024-02-29 10:00:00+05:30"}""");
        dynamic spaced = (await Call(async c => (object?)await c.Things.GetLinkAsync()))!;
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.FromHours(5.5)), (DateTimeOffset)spaced.At);
    }

    [Fact]
    public async Task Discriminated_unions_and_polymorphic_bases_read_bodies_larger_than_the_reader_buffer()
    {
        // Notes before the discriminator make the scan skip a long string on a partial buffer.
        var note = new string('n', 300);
        var shapes = Enumerable.Range(0, 600).Select(i => i % 2 == 0
            ? "{\"note\":\"" + note + "\",\"kind\":\"circle\",\"radius\":" + i + "}"
            : "{\"note\":\"" + note + "\",\"kind\":\"square\",\"side\":" + i + "}");
        SetPayload("Shapes", "[" + string.Join(",", shapes) + "]");
        var animals = Enumerable.Range(0, 600).Select(i => "{\"note\":\"" + note + "\",\"type\":\"Dog\",\"barks\":true}");
        SetPayload("Animals", "[" + string.Join(",", animals) + "]");
        Assert.True(((string)Host_.GetField("Shapes")!.GetValue(null)!).Length > 64 * 1024);

        var read = (System.Collections.IList)(await Call(async c => (object?)await c.Things.ListShapesAsync()))!;
        Assert.Equal(600, read.Count);
        Assert.True(((dynamic)read[599]!).IsSquare);
        Assert.Equal(599d, (double)((dynamic)read[599]!).AsSquare.Side);

        var dogs = (System.Collections.IList)(await Call(async c => (object?)await c.Things.ListAnimalsAsync()))!;
        Assert.Equal(600, dogs.Count);
        Assert.All(dogs.Cast<object>(), d => Assert.Equal("Dog", d.GetType().Name));
    }

    [Fact]
    public async Task Content_header_parameters_travel_on_the_content_even_without_a_body()
    {
        var seen = await Call(async c => (object?)await c.Things.PutRangeAsync("bytes 0-9/100", contentLanguage: "de", xPlain: "p"));
        Assert.Equal("range=bytes 0-9/100 language=de plain=p", seen);
    }

    [Fact]
    public async Task A_documented_status_without_a_body_is_reported_as_documented()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call(async c => (object?)await c.Things.GetItemAsync("missing")));
        dynamic api = error;
        Assert.Equal("ProbeApiException", error.GetType().Name);
        Assert.Equal(404, (int)api.StatusCode);
        Assert.True((bool)api.IsDocumented);
        Assert.Equal("Item not found", (string)api.Description);
        Assert.Equal("The API returned status 404: Item not found.", error.Message);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_an_api_exception_with_status_and_text()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call(async c => (object?)await c.Things.GetItemAsync("bad")));
        dynamic api = error;
        Assert.Equal("ProbeApiException", error.GetType().Name);
        Assert.Equal(200, (int)api.StatusCode);
        Assert.Equal("{\"href\": ", (string)api.Response);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_schemaless_json_response_that_arrives_as_another_media_type_is_read_as_text()
    {
        var text = (System.Text.Json.JsonElement)(await Call(async c => (object?)await c.Things.DownloadAsync("notes.txt")))!;
        Assert.Equal("line one\nline two", text.GetString());
        var bytes = (System.Text.Json.JsonElement)(await Call(async c => (object?)await c.Things.DownloadAsync("archive.zip")))!;
        Assert.Equal(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE }, bytes.GetBytesFromBase64());
    }

    [Fact]
    public async Task Bodies_that_cannot_exist_are_not_read_a_204_and_any_HEAD_response()
    {
        var removed = (System.Text.Json.JsonElement)(await Call(async c => (object?)await c.Things.RemoveGadgetAsync("g1")))!;
        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, removed.ValueKind);
        await Call(async c => { await c.Things.ProbeGadgetAsync("g1"); return null; });
    }

    [Fact]
    public async Task A_binary_schema_is_raw_bytes_whatever_media_type_is_named_and_its_errors_stay_readable()
    {
        var bytes = await Call(async c =>
        {
            using System.IO.Stream stream = await c.Things.DownloadArtifactAsync("a1");
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return (object?)copy.ToArray();
        });
        Assert.Equal("\"raw\""u8.ToArray(), bytes);
        // The error of a streamed operation is built from a response that is still open (it used to be disposed first).
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call(async c => (object?)await c.Things.DownloadArtifactAsync("missing")));
        Assert.Equal("ProbeApiException", error.GetType().Name);
        Assert.Equal(404, (int)((dynamic)error).StatusCode);
    }

    [Fact]
    public async Task A_content_length_parameter_never_contradicts_the_body()
    {
        // The caller's Content-Length is wrong; the content knows its own length and HttpClient sends that.
        var received = await Call(async c => (object?)await c.Things.UploadArtifactAsync("a1", 999d, new MemoryStream(new byte[] { 1, 2, 3 })));
        Assert.Equal(3L, received);
    }

    [Fact]
    public async Task A_documented_redirect_is_the_outcome_of_an_operation_without_2XX_followed_or_not()
    {
        dynamic stayed = (await Call(async c => (object?)await c.Things.DownloadTarballWithResponseAsync("stay")))!;
        Assert.Equal(302, (int)stayed.StatusCode);
        dynamic followed = (await Call(async c => (object?)await c.Things.DownloadTarballWithResponseAsync("here")))!;
        Assert.Equal(200, (int)followed.StatusCode);
    }

    [Fact]
    public async Task A_nullable_typeless_oneOf_reads_null()
    {
        // GitHub's IssueSuggestion.target_value: nullable: true beside a oneOf without a type (3.0).
        SetPayload("Link", """{"target":null}""");
        dynamic empty = (await Call(async c => (object?)await c.Things.GetLinkAsync()))!;
        Assert.Null((object?)empty.Target);
        SetPayload("Link", """{"target":"Bug"}""");
        dynamic text = (await Call(async c => (object?)await c.Things.GetLinkAsync()))!;
        Assert.Equal("Bug", (string)text.Target.AsString);
    }

    [Fact]
    public async Task Uint64_values_above_long_range_read()
    {
        SetPayload("Link", """{"limit":18446744073709551615}""");
        dynamic link = (await Call(async c => (object?)await c.Things.GetLinkAsync()))!;
        Assert.Equal(ulong.MaxValue, (ulong?)link.Limit);
    }

    [Fact]
    public async Task Multipart_parts_quote_name_and_filename_like_browsers()
    {
        var fileType = Type("ProbeFile");
        var file = Activator.CreateInstance(fileType, new MemoryStream(new byte[] { 1, 2 }), "naïve \"résumé\".pdf", "application/pdf")!;
        var seen = (string)(await Call(async c => (object?)await c.Things.UploadAsync((dynamic)file, "My title")))!;
        var lines = seen.Split('\n');
        Assert.Equal("form-data; name=\"file\"; filename=\"na_ve %22r_sum_%22.pdf\"; filename*=utf-8''na%C3%AFve%20%22r%C3%A9sum%C3%A9%22.pdf", lines[0]);
        Assert.Equal("form-data; name=\"title\"", lines[1]);
    }
}
