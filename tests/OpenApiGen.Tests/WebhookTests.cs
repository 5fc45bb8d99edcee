using System.Reflection;
using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 12, webhooks and callbacks (OpenApiGenerate Webhooks): the real examples of ../shared/specs, each received by
/// the generated receiver (MVC controller base or minimal-API handler base, with the operations' input checks) on a
/// Kestrel at 127.0.0.1 and sent by the generated typed sender.
/// </summary>
public class WebhookTests
{
    // The receiver classes derive from "{Group}" + the base suffix; the host differs per server kind.
    private const string MvcHost = """
        public static class Host
        {
            public static WebApplication Start()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Services.AddControllers().AddApplicationPart(typeof(Host).Assembly)
                    .AddJsonOptions(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, JSONCONTEXT.Default));
                var app = builder.Build();
                app.MapControllers();
                app.StartAsync().GetAwaiter().GetResult();
                return app;
            }
        }
        """;

    private const string MinimalHost = """
        public static class Host
        {
            public static WebApplication Start()
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Services.AddScoped<GROUPHandlerBase, Receiver>();
                var app = builder.Build();
                app.MapGROUPEndpoints();
                app.StartAsync().GetAwaiter().GetResult();
                return app;
            }
        }
        """;

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        public static class Received
        {
            public static readonly ConcurrentQueue<string> Lines = new();
        }

        """;

    [SharedSpecsTheory]
    [InlineData("Server;Webhooks;Models", "ControllerBase")]
    [InlineData("MinimalApi;Webhooks;Models", "HandlerBase")]
    public async Task A_31_webhook_is_sent_by_the_typed_sender_and_received_by_the_generated_receiver(string generate, string suffix)
    {
        const string code = """
            public sealed class Receiver : WebhooksSUFFIX
            {
                public override Task<NewPetResult> NewPet(Pet? body, CancellationToken cancellationToken)
                {
                    Received.Lines.Enqueue("newPet " + body?.Id + " " + body?.Name + " " + (body?.Tag ?? "-"));
                    return Task.FromResult(NewPetResult.Ok());
                }
            }

            public static class Driver
            {
                public static async Task<string> RunAsync()
                {
                    var app = Host.Start();
                    try
                    {
                        using var http = new HttpClient();
                        var url = new Uri(app.Urls.First() + "/webhooks/newPet");
                        var sender = new WebhookExampleWebhookSender(http);
                        Received.Lines.Enqueue("sent: " + await sender.NewPetAsync(url, new Pet { Id = 7, Name = "Rex", Tag = "dog" }));
                        // The receiver checks its input as any generated server does: no name, no call.
                        using var invalid = await http.PostAsync(url, new StringContent("{\"id\":8}", System.Text.Encoding.UTF8, "application/json"));
                        Received.Lines.Enqueue("invalid: " + (int)invalid.StatusCode);
                        // A receiver that answers what the spec does not document is an exception for the sender.
                        try { await sender.NewPetAsync(new Uri(app.Urls.First() + "/nowhere"), new Pet { Id = 9, Name = "Lost" }); }
                        catch (HttpRequestException ex) { Received.Lines.Enqueue("undocumented: " + (int?)ex.StatusCode); }
                        return string.Join("\n", Received.Lines);
                    }
                    finally
                    {
                        await app.StopAsync();
                    }
                }
            }
            """;
        var log = await RunAsync("oai-v31-webhook-example.yaml", "Hooks.Api", generate, suffix, "Webhooks", "WebhookExampleJsonContext", code);
        Assert.Equal(["newPet 7 Rex dog", "sent: 200", "invalid: 400", "undocumented: 404"], log);
    }

    [SharedSpecsTheory]
    [InlineData("Server;Webhooks;Models", "ControllerBase")]
    [InlineData("MinimalApi;Webhooks;Models", "HandlerBase")]
    public async Task A_callback_is_sent_by_the_typed_sender_and_received_by_the_generated_receiver(string generate, string suffix)
    {
        const string code = """
            public sealed class Receiver : CallbacksSUFFIX
            {
                public override Task<OnDataResult> OnData(OnDataRequest? body, CancellationToken cancellationToken)
                {
                    Received.Lines.Enqueue("onData " + body?.UserData + " " + body?.Timestamp?.ToUniversalTime().ToString("O"));
                    return Task.FromResult(body?.UserData == "stop" ? OnDataResult.NoContent() : OnDataResult.Accepted());
                }
            }

            public static class Driver
            {
                public static async Task<string> RunAsync()
                {
                    var app = Host.Start();
                    try
                    {
                        using var http = new HttpClient();
                        // The subscriber gave callbackUrl = {base}/callbacks/onData; the spec's expression appends /data.
                        var url = new Uri(app.Urls.First() + "/callbacks/onData/data");
                        var sender = new CallbackExampleWebhookSender(http);
                        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
                        Received.Lines.Enqueue("sent: " + await sender.OnDataAsync(url, new OnDataRequest { Timestamp = at, UserData = "hello" }));
                        Received.Lines.Enqueue("sent: " + await sender.OnDataAsync(url, new OnDataRequest { Timestamp = at, UserData = "stop" }));
                        using var invalid = await http.PostAsync(url, new StringContent("{\"timestamp\":\"yesterday\"}", System.Text.Encoding.UTF8, "application/json"));
                        Received.Lines.Enqueue("invalid: " + (int)invalid.StatusCode);
                        return string.Join("\n", Received.Lines);
                    }
                    finally
                    {
                        await app.StopAsync();
                    }
                }
            }
            """;
        var log = await RunAsync("oai-v3-callback-example.yaml", "Callbacks.Api", generate, suffix, "Callbacks", "CallbackExampleJsonContext", code);
        Assert.Equal(["onData hello 2026-11-30T12:00:00.0000000+00:00", "sent: 202", "onData stop 2026-11-30T12:00:00.0000000+00:00", "sent: 204", "invalid: 400"], log);
    }

    [SharedSpecsTheory]
    [InlineData("Client;Models")]
    [InlineData("Server;MinimalApi;Models")]
    public void Without_Webhooks_nothing_is_generated_for_them(string generate)
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/hooks.yaml", File.ReadAllText(Path.Combine(TestPaths.SharedSpecs, "oai-v31-webhook-example.yaml")), "Hooks.Api", generate));
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("WebhookSender", StringComparison.Ordinal) || t.FilePath.Contains("Webhooks", StringComparison.Ordinal));
    }

    private static async Task<string[]> RunAsync(string specName, string ns, string generate, string suffix, string group, string jsonContext, string code)
    {
        var spec = new SpecFile("/project/" + specName, File.ReadAllText(Path.Combine(TestPaths.SharedSpecs, specName)), ns, generate);
        var host = (suffix == "HandlerBase" ? MinimalHost : MvcHost).Replace("GROUP", group, StringComparison.Ordinal).Replace("JSONCONTEXT", jsonContext, StringComparison.Ordinal);
        var source = "using " + ns + ";\n" + Usings + code.Replace("SUFFIX", suffix, StringComparison.Ordinal) + "\n" + host;
        var (result, compilation) = GeneratorHarness.Run(spec);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var assembly = GeneratorHarness.Load(compilation, "webhooks-" + specName + suffix, collectible: false, source);
        var run = (Task<string>)assembly.GetType("Driver")!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        return (await run.WaitAsync(TimeSpan.FromMinutes(1))).Split('\n');
    }
}
