using System.Reflection;

namespace OpenApiGen.Tests;

/// <summary>
/// Issue 12, streaming: a spec's NDJSON, JSON-sequence, server-sent-event and (with OpenApiStreamArrays) JSON-array
/// responses, served by the generated minimal-API results on a real Kestrel (127.0.0.1) and read by the generated
/// client's …StreamAsync methods. The server holds its last item back until the client has seen the first, so a client
/// that buffered the body could not finish; cancelling the client's enumeration stops the server's.
/// </summary>
public class StreamingTests
{
    private const string Spec = """
    openapi: 3.2.0
    info: { title: Feed, version: "1" }
    components:
      schemas:
        Tick:
          type: object
          required: [n]
          properties: { n: { type: integer, format: int32 }, label: { type: string } }
        Problem:
          type: object
          properties: { detail: { type: string } }
    paths:
      /ticks:
        get:
          operationId: ticks
          tags: [ticks]
          parameters: [ { name: count, in: query, required: true, schema: { type: integer, format: int32, minimum: 0 } } ]
          responses:
            "200": { description: ticks, content: { application/x-ndjson: { schema: { $ref: '#/components/schemas/Tick' } } } }
            "422": { description: bad count, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
      /records:
        get:
          operationId: records
          tags: [ticks]
          responses:
            "200": { description: records, content: { application/json-seq: { schema: { $ref: '#/components/schemas/Tick' } } } }
      /events:
        get:
          operationId: events
          tags: [ticks]
          responses:
            "200":
              description: events, or the whole list as JSON
              content:
                application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Tick' } } }
                text/event-stream: { itemSchema: { $ref: '#/components/schemas/Tick' } }
      /endless:
        get:
          operationId: endless
          tags: [ticks]
          responses:
            "200": { description: ticks until the client leaves, content: { application/jsonl: { schema: { $ref: '#/components/schemas/Tick' } } } }
      /all:
        get:
          operationId: all
          tags: [ticks]
          responses:
            "200": { description: every tick, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Tick' } } } } }
    """;

    private const string Host = """
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Linq;
    using System.Net.ServerSentEvents;
    using System.Runtime.CompilerServices;
    using System.Threading;
    using System.Threading.Tasks;
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using Feed.Api;

    public static class Log
    {
        public static readonly ConcurrentQueue<string> Lines = new();

        // Set by the client when it has the first item; the server's last item waits for it.
        public static TaskCompletionSource FirstSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static readonly TaskCompletionSource ServerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class TicksHandler : TicksHandlerBase
    {
        public override Task<TicksResult> Ticks(int count, CancellationToken cancellationToken) => Task.FromResult(TicksResult.OkStream(Produce(count, default)));

        public override Task<RecordsResult> Records(CancellationToken cancellationToken) => Task.FromResult(RecordsResult.OkStream(Produce(3, default)));

        // One operation, two representations: the stream for those who ask for it, the list for everyone else.
        public override Task<EventsResult> Events(CancellationToken cancellationToken) =>
            Task.FromResult(HttpContext.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal)
                ? EventsResult.OkEvents(Sse(default))
                : EventsResult.Ok(new[] { new Tick { N = 1 }, new Tick { N = 2 }, new Tick { N = 3 } }));

        public override Task<EndlessResult> Endless(CancellationToken cancellationToken) => Task.FromResult(EndlessResult.OkStream(Forever(default)));

        public override Task<AllResult> All(CancellationToken cancellationToken) => Task.FromResult(AllResult.OkStream(Produce(3, default)));

        private static async IAsyncEnumerable<Tick> Produce(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 1; i <= count; i++)
            {
                if (i == count && count > 1)
                {
                    // A client that waits for the whole body never sets this: the server says so and goes on.
                    try { await Log.FirstSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken); }
                    catch (TimeoutException) { Log.Lines.Enqueue("server: the client had not seen the first item before the last"); }
                }
                yield return new Tick { N = i, Label = "t" + i };
            }
        }

        private static async IAsyncEnumerable<SseItem<Tick>> Sse([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var tick in Produce(3, cancellationToken)) yield return new SseItem<Tick>(tick, "tick") { EventId = "e" + tick.N };
        }

        private static async IAsyncEnumerable<Tick> Forever([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                for (var i = 1; ; i++)
                {
                    yield return new Tick { N = i };
                    await Task.Delay(50, cancellationToken);
                }
            }
            finally
            {
                Log.ServerStopped.TrySetResult();
            }
        }
    }

    public static class Driver
    {
        public static async Task<string> RunAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddScoped<TicksHandlerBase, TicksHandler>();
            var app = builder.Build();
            app.MapFeedEndpoints();
            await app.StartAsync();
            try
            {
                using var http = new System.Net.Http.HttpClient();
                var client = new FeedClient(http, new FeedClientOptions { BaseAddress = new Uri(app.Urls.First()) });
                async Task Read<T>(string name, IAsyncEnumerable<T> items, Func<T, string> show)
                {
                    Log.FirstSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    await foreach (var item in items)
                    {
                        Log.Lines.Enqueue(name + " " + show(item));
                        Log.FirstSeen.TrySetResult();
                    }
                }
                await Read("ndjson", client.Ticks.TicksStreamAsync(3), t => t.N + ":" + t.Label);
                await Read("json-seq", client.Ticks.RecordsStreamAsync(), t => t.N + ":" + t.Label);
                await Read("sse", client.Ticks.EventsStreamAsync(), e => e.EventType + "/" + e.EventId + "/" + e.Data.N);
                await Read("array", client.Ticks.AllStreamAsync(), t => t.N + ":" + t.Label);
                // The JSON twin of the SSE operation is unchanged: the whole list at once.
                Log.Lines.Enqueue("events as JSON " + (await client.Ticks.EventsAsync()).Count);

                // Cancelling the client's enumeration closes the response, and the server's enumeration stops with it.
                using (var cancel = new CancellationTokenSource())
                {
                    var received = 0;
                    try
                    {
                        await foreach (var tick in client.Ticks.EndlessStreamAsync(cancel.Token))
                        {
                            if (++received == 2) cancel.Cancel();
                        }
                        Log.Lines.Enqueue("endless: ended without cancellation");
                    }
                    catch (OperationCanceledException)
                    {
                        Log.Lines.Enqueue("endless: client cancelled after " + received);
                    }
                }
                var stopped = await Task.WhenAny(Log.ServerStopped.Task, Task.Delay(TimeSpan.FromSeconds(10))) == Log.ServerStopped.Task;
                Log.Lines.Enqueue("endless: server stopped " + stopped);

                // Errors still come as the documented exception, before any item.
                try
                {
                    await foreach (var tick in client.Ticks.TicksStreamAsync(-1)) Log.Lines.Enqueue("invalid: item " + tick.N);
                }
                catch (FeedApiException ex)
                {
                    Log.Lines.Enqueue("invalid: " + ex.StatusCode);
                }
                return string.Join("\n", Log.Lines);
            }
            finally
            {
                await app.StopAsync();
            }
        }
    }
    """;

    // The MVC server streams the same way: its result types get the same …Stream/…Events factories.
    private const string MvcHost = """
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using System.Net.ServerSentEvents;
    using System.Runtime.CompilerServices;
    using System.Threading;
    using System.Threading.Tasks;
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using Feed.Api;

    public sealed class TicksController : TicksControllerBase
    {
        public static TaskCompletionSource FirstSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static bool WaitedInVain;

        public override Task<TicksResult> Ticks(int count, CancellationToken cancellationToken) => Task.FromResult(TicksResult.OkStream(Produce(count, default)));

        public override Task<RecordsResult> Records(CancellationToken cancellationToken) => Task.FromResult(RecordsResult.OkStream(Produce(1, default)));

        public override Task<EventsResult> Events(CancellationToken cancellationToken) => Task.FromResult(EventsResult.OkEvents(Sse(default)));

        public override Task<EndlessResult> Endless(CancellationToken cancellationToken) => Task.FromResult(EndlessResult.OkStream(Produce(1, default)));

        public override Task<AllResult> All(CancellationToken cancellationToken) => Task.FromResult(AllResult.Ok(new[] { new Tick { N = 1 } }));

        private static async IAsyncEnumerable<Tick> Produce(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 1; i <= count; i++)
            {
                if (i == count && count > 1)
                {
                    try { await FirstSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken); }
                    catch (TimeoutException) { WaitedInVain = true; }
                }
                yield return new Tick { N = i };
            }
        }

        private static async IAsyncEnumerable<SseItem<Tick>> Sse([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var tick in Produce(2, cancellationToken)) yield return new SseItem<Tick>(tick, "tick");
        }
    }

    public static class Driver
    {
        public static async Task<string> RunAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddControllers().AddApplicationPart(typeof(Driver).Assembly);
            var app = builder.Build();
            app.MapControllers();
            await app.StartAsync();
            try
            {
                using var http = new System.Net.Http.HttpClient();
                var client = new FeedClient(http, new FeedClientOptions { BaseAddress = new Uri(app.Urls.First()) });
                var log = new List<string>();
                await foreach (var tick in client.Ticks.TicksStreamAsync(3)) { log.Add("ndjson " + tick.N); TicksController.FirstSeen.TrySetResult(); }
                TicksController.FirstSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
                await foreach (var item in client.Ticks.EventsStreamAsync()) { log.Add("sse " + item.EventType + "/" + item.Data.N); TicksController.FirstSeen.TrySetResult(); }
                log.Add("waited in vain " + TicksController.WaitedInVain);
                return string.Join("\n", log);
            }
            finally
            {
                await app.StopAsync();
            }
        }
    }
    """;

    [Fact]
    public async Task The_mvc_server_streams_what_its_action_yields()
    {
        var spec = new SpecFile("/project/feed.yaml", Spec, "Feed.Api", "Client;Server;Models");
        var assembly = GeneratorHarness.CompileAndLoad(spec, "streaming-mvc", collectible: false, MvcHost);
        var run = (Task<string>)assembly.GetType("Driver")!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        Assert.Equal(["ndjson 1", "ndjson 2", "ndjson 3", "sse tick/1", "sse tick/2", "waited in vain False"], (await run.WaitAsync(TimeSpan.FromMinutes(1))).Split('\n'));
    }

    [Fact]
    public void OpenApiStreams_false_leaves_the_streaming_methods_and_their_runtime_out()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/feed.yaml", Spec, "Feed.Api", "Client;MinimalApi;Models", Metadata: new Dictionary<string, string> { ["OpenApiStreams"] = "false" }));
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.GeneratedTrees, t => t.ToString().Contains("TicksStreamAsync(", StringComparison.Ordinal) || t.ToString().Contains("EventsStreamAsync(", StringComparison.Ordinal) || t.ToString().Contains("OkStream(", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("Runtime.Stream", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public async Task Items_arrive_as_they_are_produced_and_cancellation_stops_both_sides()
    {
        var spec = new SpecFile("/project/feed.yaml", Spec, "Feed.Api", "Client;MinimalApi;Models", Metadata: new Dictionary<string, string> { ["OpenApiStreamArrays"] = "true" });
        var assembly = GeneratorHarness.CompileAndLoad(spec, "streaming", collectible: false, Host);
        var run = (Task<string>)assembly.GetType("Driver")!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        var log = (await run.WaitAsync(TimeSpan.FromMinutes(1))).Split('\n');
        Assert.Equal(
        [
            "ndjson 1:t1", "ndjson 2:t2", "ndjson 3:t3",
            "json-seq 1:t1", "json-seq 2:t2", "json-seq 3:t3",
            "sse tick/e1/1", "sse tick/e2/2", "sse tick/e3/3",
            "array 1:t1", "array 2:t2", "array 3:t3",
            "events as JSON 3",
            "endless: client cancelled after 2",
            "endless: server stopped True",
            "invalid: 422",
        ], log);
    }
}
