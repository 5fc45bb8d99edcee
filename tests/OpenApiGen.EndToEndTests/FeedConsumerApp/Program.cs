// The consumer app of the issue 12 end-to-end test (specs/ticker.yaml, OpenApiGenerate Client;MinimalApi;Webhooks;Models),
// copied into a temp Sdk.Web project that references the packed OpenApiGen package. One process plays both sides: the
// ticker API (minimal-API handlers that stream, and that send callbacks with the generated sender) and its subscriber
// (the generated webhook and callback receivers), driven through the generated client.
//   args[0]: the port to bind on 127.0.0.1.
// Prints "RESULT name=value" lines, then "READY", then serves until stdin closes.
using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Ticker.Api;

var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var baseAddress = new Uri($"http://127.0.0.1:{port}/");

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddSingleton<Journal>();
builder.Services.AddSingleton(new HttpClient());
builder.Services.AddScoped<TicksHandlerBase, TicksHandler>();
builder.Services.AddScoped<SubscriptionsHandlerBase, SubscriptionsHandler>();
builder.Services.AddScoped<WebhooksHandlerBase, WebhookReceiver>();
builder.Services.AddScoped<CallbacksHandlerBase, CallbackReceiver>();
var app = builder.Build();
app.MapTickerEndpoints();
app.MapWebhooksEndpoints();
app.MapCallbacksEndpoints();
await app.StartAsync();

var journal = app.Services.GetRequiredService<Journal>();
var http = app.Services.GetRequiredService<HttpClient>();
var client = new TickerClient(http, new TickerClientOptions { BaseAddress = baseAddress });
var sender = new TickerWebhookSender(http);
var failures = 0;

void R(string name, object? value) => Console.WriteLine($"RESULT {name}={value}");

async Task Step(string name, Func<Task> body)
{
    try
    {
        await body().WaitAsync(TimeSpan.FromSeconds(60));
    }
    catch (Exception ex)
    {
        failures++;
        Console.WriteLine($"STEP-FAILED {name}: {ex.GetType().FullName}: {ex.Message}".Replace("\n", " ", StringComparison.Ordinal));
    }
}

// NDJSON: the handler holds its last tick until the client has the first, so a buffering client could not finish.
await Step("ndjson", async () =>
{
    var seen = new List<string>();
    await foreach (var tick in client.Ticks.TicksStreamAsync(3))
    {
        seen.Add(tick.N + ":" + tick.Label);
        journal.FirstSeen.TrySetResult();
    }
    R("ndjson", string.Join(",", seen));
    R("ndjson-last-waited-in-vain", journal.LastWaitedInVain);
});

// Server-sent events, typed by the spec's schema.
await Step("sse", async () =>
{
    var seen = new List<string>();
    await foreach (var item in client.Ticks.TickEventsStreamAsync()) seen.Add(item.EventType + "/" + item.EventId + "/" + item.Data.N);
    R("sse", string.Join(",", seen));
});

// Cancelling the enumeration closes the response; the handler's enumeration stops with it.
await Step("cancel", async () =>
{
    using var cancel = new CancellationTokenSource();
    var received = 0;
    try
    {
        await foreach (var tick in client.Ticks.TicksStreamAsync(1_000_000, cancel.Token))
        {
            if (++received == 2) cancel.Cancel();
        }
    }
    catch (OperationCanceledException)
    {
        R("cancel-client", "cancelled after " + received);
    }
    var stopped = await Task.WhenAny(journal.EndlessStopped.Task, Task.Delay(TimeSpan.FromSeconds(10))) == journal.EndlessStopped.Task;
    R("cancel-server-stopped", stopped);
});

// Invalid input is the documented error, before any item.
await Step("invalid", async () =>
{
    try
    {
        await foreach (var tick in client.Ticks.TicksStreamAsync(0)) R("invalid-item", tick.N);
    }
    catch (TickerApiException ex)
    {
        R("invalid-status", ex.StatusCode);
    }
});

// A subscription: the ticker posts each tick to callbackUrl + /tick with the generated sender; the generated
// callback receiver takes them.
await Step("callbacks", async () =>
{
    var subscription = await client.Subscriptions.SubscribeAsync(new Uri(baseAddress, "callbacks/onTick").ToString(), 3);
    R("subscription", subscription.Id);
    await journal.AllTicksReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
    R("callbacks", string.Join(",", journal.CallbackTicks.Order()));
    await journal.AllTicksSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
    R("callback-statuses", string.Join(",", journal.CallbackStatuses));
});

// The webhook, sent with the generated sender and received by the generated receiver, which checks its input.
await Step("webhook", async () =>
{
    R("webhook-status", await sender.TickerStoppedAsync(new Uri(baseAddress, "webhooks/tickerStopped"), new Stopped { Reason = "done" }));
    R("webhook-received", string.Join(",", journal.Stops));
    using var invalid = await http.PostAsync(new Uri(baseAddress, "webhooks/tickerStopped"), new StringContent("""{"reason":""}""", System.Text.Encoding.UTF8, "application/json"));
    R("webhook-invalid-status", (int)invalid.StatusCode);
    R("webhook-received-after-invalid", string.Join(",", journal.Stops));
});

R("step-failures", failures);
Console.WriteLine("READY");
Console.Out.Flush();
await Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
});
await app.StopAsync();
return 0;

/// <summary>What both sides of the app saw.</summary>
public sealed class Journal
{
    public TaskCompletionSource FirstSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool LastWaitedInVain { get; set; }

    public TaskCompletionSource EndlessStopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<int> CallbackTicks { get; } = new();

    public TaskCompletionSource AllTicksReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<int> CallbackStatuses { get; } = new();

    public TaskCompletionSource AllTicksSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Stops { get; } = new();
}

/// <summary>The ticker's streams: items are yielded one by one; the generated results write each as it comes.</summary>
public sealed class TicksHandler(Journal journal) : TicksHandlerBase
{
    public override Task<TicksResult> Ticks(int count, CancellationToken cancellationToken) =>
        Task.FromResult(count > 100 ? TicksResult.OkStream(Endless(default)) : TicksResult.OkStream(Produce(count, default)));

    public override Task<TickEventsResult> TickEvents(CancellationToken cancellationToken) =>
        Task.FromResult(TickEventsResult.OkEvents(Events(default)));

    private async IAsyncEnumerable<Tick> Produce(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i == count && count > 1)
            {
                try
                {
                    await journal.FirstSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
                catch (TimeoutException)
                {
                    journal.LastWaitedInVain = true;
                }
            }
            yield return new Tick { N = i, Label = "t" + i };
        }
    }

    private static async IAsyncEnumerable<SseItem<Tick>> Events([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= 3; i++)
        {
            await Task.Delay(10, cancellationToken);
            yield return new SseItem<Tick>(new Tick { N = i }, "tick") { EventId = "e" + i };
        }
    }

    private async IAsyncEnumerable<Tick> Endless([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 1; ; i++)
            {
                yield return new Tick { N = i };
                await Task.Delay(20, cancellationToken);
            }
        }
        finally
        {
            journal.EndlessStopped.TrySetResult();
        }
    }
}

/// <summary>The ticker's subscriptions: each tick goes to the subscriber's callback URL through the generated sender.</summary>
public sealed class SubscriptionsHandler(Journal journal, HttpClient http) : SubscriptionsHandlerBase
{
    public override Task<SubscribeResult> Subscribe(string callbackUrl, int count, CancellationToken cancellationToken)
    {
        var sender = new TickerWebhookSender(http);
        _ = Task.Run(async () =>
        {
            for (var i = 1; i <= count; i++)
            {
                journal.CallbackStatuses.Enqueue(await sender.OnTickAsync(new Uri(callbackUrl.TrimEnd('/') + "/tick"), new Tick { N = i }));
            }
            journal.AllTicksSent.TrySetResult();
        });
        return Task.FromResult(SubscribeResult.Created(new Subscription { Id = "sub-1" }));
    }
}

/// <summary>The subscriber's side: the generated callback receiver.</summary>
public sealed class CallbackReceiver(Journal journal) : CallbacksHandlerBase
{
    public override Task<OnTickResult> OnTick(Tick body, CancellationToken cancellationToken)
    {
        journal.CallbackTicks.Enqueue(body.N);
        if (journal.CallbackTicks.Count == 3) journal.AllTicksReceived.TrySetResult();
        return Task.FromResult(OnTickResult.NoContent());
    }
}

/// <summary>The subscriber's side: the generated webhook receiver.</summary>
public sealed class WebhookReceiver(Journal journal) : WebhooksHandlerBase
{
    public override Task<TickerStoppedResult> TickerStopped(Stopped body, CancellationToken cancellationToken)
    {
        journal.Stops.Enqueue(body.Reason);
        return Task.FromResult(TickerStoppedResult.Ok());
    }
}
