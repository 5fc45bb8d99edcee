using System.Reflection;
using System.Runtime.Loader;

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

    public static class TestHost
    {
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
    {
        var (result, compilation) = GeneratorHarness.Run(new SpecFile("/project/shop.yaml", Spec, "Shop.Api", "Client;Server;Models"));
        Assert.Empty(result.Diagnostics);
        compilation = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Host, (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("shop", isCollectible: false).LoadFromStream(stream);
    });

    private static Task<string> Run() => (Task<string>)Compiled.Value.GetType("TestHost")!.GetMethod("RunAsync")!.Invoke(null, null)!;

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
