using System.Reflection;

namespace OpenApiGen.Tests;

/// <summary>
/// Generated controllers and client for one spec, compiled with a tiny host and run on Kestrel (127.0.0.1, free
/// port): features that only show over real HTTP (response headers, parameter styles) are checked end to end.
/// </summary>
public class HttpFeatureTests
{
    private const string Spec = """
    openapi: 3.1.0
    info: { title: Shop, version: "1" }
    paths:
      /items/{id}:
        get:
          operationId: getItem
          tags: [items]
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          responses:
            "200":
              description: The item.
              headers:
                X-Rate-Limit: { description: Calls left this hour., schema: { type: integer } }
                ETag: { schema: { type: string } }
              content:
                application/json:
                  schema: { type: object, required: [id], properties: { id: { type: string } } }
        delete:
          operationId: deleteItem
          tags: [items]
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          responses:
            "204":
              description: Deleted.
              headers:
                X-Deleted-At: { schema: { type: string, format: date-time } }
      /ping:
        get:
          operationId: ping
          tags: [items]
          responses:
            "200": { description: Pong., content: { application/json: { schema: { type: string } } } }
      /styles/{ids}/{label}/{matrix}/{point}/{dot}:
        get:
          operationId: styles
          tags: [styles]
          parameters:
            - { name: ids, in: path, required: true, schema: { type: array, items: { type: integer } } }
            - { name: label, in: path, required: true, style: label, explode: true, schema: { type: array, items: { type: string } } }
            - { name: matrix, in: path, required: true, style: matrix, explode: false, schema: { type: array, items: { type: integer } } }
            - { name: point, in: path, required: true, style: simple, explode: true, schema: { $ref: '#/components/schemas/Point' } }
            - { name: dot, in: path, required: true, style: label, schema: { type: integer } }
            - { name: tags, in: query, style: form, explode: false, schema: { type: array, items: { type: string } } }
            - { name: pipes, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: integer } } }
            - { name: spaces, in: query, style: spaceDelimited, explode: false, schema: { type: array, items: { type: string } } }
            - { name: filter, in: query, style: deepObject, explode: true, schema: { $ref: '#/components/schemas/Filter' } }
            - { name: colors, in: query, schema: { type: array, items: { $ref: '#/components/schemas/Color' } } }
            - { name: X-Ids, in: header, schema: { type: array, items: { type: integer } } }
          responses:
            "200": { description: Echo., content: { application/json: { schema: { type: string } } } }
    components:
      schemas:
        Point: { type: object, required: [x, y], properties: { x: { type: integer }, y: { type: integer } } }
        Filter: { type: object, properties: { name: { type: string }, min_age: { type: integer }, active: { type: boolean } } }
        Color: { type: string, enum: [red, green] }
    """;

    private const string Host = """
    using Microsoft.AspNetCore.Builder;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using Microsoft.AspNetCore.Hosting;
    using System.Linq;
    using Shop.Api;

    public sealed class ItemsController : ItemsControllerBase
    {
        public override System.Threading.Tasks.Task<GetItemResult> GetItem(string id, System.Threading.CancellationToken ct)
        {
            Response.Headers["X-Rate-Limit"] = "41";
            Response.Headers.ETag = "\"v7\"";
            return System.Threading.Tasks.Task.FromResult<GetItemResult>(new GetItemResponse { Id = id });
        }

        public override System.Threading.Tasks.Task<DeleteItemResult> DeleteItem(string id, System.Threading.CancellationToken ct)
        {
            Response.Headers["X-Deleted-At"] = "2026-11-29T10:00:00Z";
            return System.Threading.Tasks.Task.FromResult(DeleteItemResult.NoContent());
        }

        public override System.Threading.Tasks.Task<PingResult> Ping(System.Threading.CancellationToken ct) =>
            System.Threading.Tasks.Task.FromResult<PingResult>("pong");
    }

    public sealed class StylesController : StylesControllerBase
    {
        public override System.Threading.Tasks.Task<StylesResult> Styles(
            System.Collections.Generic.IReadOnlyList<int> ids, System.Collections.Generic.IReadOnlyList<string> label, System.Collections.Generic.IReadOnlyList<int> matrix,
            Point point, int dot, System.Collections.Generic.IReadOnlyList<string>? tags, System.Collections.Generic.IReadOnlyList<int>? pipes,
            System.Collections.Generic.IReadOnlyList<string>? spaces, Filter? filter, System.Collections.Generic.IReadOnlyList<Color>? colors,
            System.Collections.Generic.IReadOnlyList<int>? xIds, System.Threading.CancellationToken ct)
        {
            var bound = string.Join(" ", "ids=" + string.Join(",", ids), "label=" + string.Join(",", label), "matrix=" + string.Join(",", matrix),
                "point=" + point.X + "," + point.Y, "dot=" + dot, "tags=" + string.Join(",", tags ?? []), "pipes=" + string.Join(",", pipes ?? []),
                "spaces=" + string.Join(",", spaces ?? []), "filter=" + filter?.Name + "," + filter?.MinAge + "," + filter?.Active,
                "colors=" + string.Join(",", colors ?? []), "xIds=" + string.Join(",", xIds ?? []));
            return System.Threading.Tasks.Task.FromResult<StylesResult>(Request.Path + Request.QueryString + " => " + bound);
        }
    }

    public static class TestHost
    {
        public static bool StylesOnly;

        public static async System.Threading.Tasks.Task<string> RunAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddControllers().AddApplicationPart(typeof(TestHost).Assembly);
            var app = builder.Build();
            app.MapControllers();
            await app.StartAsync();
            try
            {
                var client = new ShopClient(new System.Net.Http.HttpClient(), new ShopClientOptions { BaseAddress = new System.Uri(app.Urls.First()) });
                var item = await client.Items.GetItemWithResponseAsync("a1");
                var plain = await client.Items.GetItemAsync("a2");
                var deleted = await client.Items.DeleteItemWithResponseAsync("a1");
                await client.Items.DeleteItemAsync("a1");
                if (StylesOnly) return await client.Styles.StylesAsync([1, 2], ["a", "b"], [3, 4], new Point { X = 5, Y = 6 }, 7,
                    tags: ["t1", "t2"], pipes: [8, 9], spaces: ["s1", "s2"], filter: new Filter { Name = "ann", MinAge = 30, Active = true },
                    colors: [Color.Red, Color.Green], xIds: [10, 11]);
                return string.Join("|", item.StatusCode, item.Body.Id, item.Header("x-rate-limit"), item.Header("ETag"), plain.Id,
                    deleted.StatusCode, deleted.Header("X-Deleted-At"), await client.Items.PingAsync());
            }
            finally
            {
                await app.StopAsync();
            }
        }
    }
    """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
        GeneratorHarness.CompileAndLoad(new SpecFile("/project/shop.yaml", Spec, "Shop.Api", "Client;Server;Models"), "shop", collectible: false, Host));

    private static Task<string> Run(bool stylesOnly = false)
    {
        Compiled.Value.GetType("TestHost")!.GetField("StylesOnly")!.SetValue(null, stylesOnly);
        return (Task<string>)Compiled.Value.GetType("TestHost")!.GetMethod("RunAsync")!.Invoke(null, null)!;
    }

    [Fact]
    public async Task Parameter_styles_round_trip_between_generated_client_and_server()
    {
        var echo = await Run(stylesOnly: true);
        var (wire, bound) = (echo.Split(" => ")[0], echo.Split(" => ")[1]);
        // The client writes each OpenAPI style ...
        Assert.StartsWith("/styles/1,2/.a.b/;matrix=3,4/x=5,y=6/.7?", wire);
        Assert.Contains("tags=t1,t2", wire);
        Assert.Contains("pipes=8%7C9", wire);
        Assert.Contains("spaces=s1%20s2", wire);
        Assert.Contains("filter%5Bname%5D=ann&filter%5Bmin_age%5D=30&filter%5Bactive%5D=true", wire);
        Assert.Contains("colors=red&colors=green", wire);
        // ... and the generated controller binds every one back (a value outside the enum would be refused: enums are closed on server input).
        Assert.Equal("ids=1,2 label=a,b matrix=3,4 point=5,6 dot=7 tags=t1,t2 pipes=8,9 spaces=s1,s2 filter=ann,30,True colors=red,green xIds=10,11", bound);
    }

    [Fact]
    public async Task Documented_response_headers_reach_the_caller_on_success()
    {
        // GetItemWithResponseAsync: status, body and headers (case-insensitive); DeleteItemWithResponseAsync: 204 + header.
        // Ping documents no headers, so it has no WithResponse twin (checked below by reflection).
        Assert.Equal("200|a1|41|\"v7\"|a2|204|2026-11-29T10:00:00Z|pong", await Run());
        var items = Compiled.Value.GetType("Shop.Api.ShopClient+ItemsClient")!;
        Assert.NotNull(items.GetMethod("GetItemWithResponseAsync"));
        Assert.Null(items.GetMethod("PingWithResponseAsync"));
    }
}
