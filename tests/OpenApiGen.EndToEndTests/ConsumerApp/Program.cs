// The consumer app of the end-to-end test. It is copied into a temp Sdk.Web project that references the packed
// OpenApiGen NuGet package; the test builds it, starts it and reads its stdout.
//   args[0]: the port to bind on 127.0.0.1.
// Prints "RESULT name=value" lines from calls made through the generated client, then "READY", then keeps serving
// until stdin is closed (the test keeps a pipe open) or the process is killed.
using System.Collections.Concurrent;
using System.Reflection;
using NSubstitute;
using OpenHands.Api;

const string ApiKey = "e2e-key";
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddControllers();
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(ApiKey));

var app = builder.Build();
app.MapControllers();
// Anonymous: how many times the controller action ran, so the test can prove rejected requests never reached it.
app.MapGet("/calls", () => ConversationsController.Calls);

foreach (var id in new[] { "conv-client", "conv-http-1", "conv-http-2", "conv-di", "conv-legacy" })
{
    ConversationsController.Store[id] = true;
}

await app.StartAsync();
Console.WriteLine($"LISTENING http://127.0.0.1:{port}");

try
{
    var baseAddress = new Uri($"http://127.0.0.1:{port}/");
    using var http = new HttpClient();
    var client = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = baseAddress, APIKeyHeader = ApiKey });
    var anonymous = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = baseAddress });

    bool existing = await client.Conversations.DeleteConversationAsync("conv-client");
    Console.WriteLine($"RESULT delete-existing={existing}");
    bool again = await client.Conversations.DeleteConversationAsync("conv-client");
    Console.WriteLine($"RESULT delete-again={again}");
    bool unknown = await client.Conversations.DeleteConversationAsync("no-such-conversation");
    Console.WriteLine($"RESULT delete-unknown={unknown}");

    try
    {
        await client.Conversations.DeleteConversationAsync("invalid");
        Console.WriteLine("RESULT invalid-status=no-exception");
    }
    catch (OpenHandsApiException<HTTPValidationError> ex)
    {
        Console.WriteLine($"RESULT invalid-status={ex.StatusCode}");
        var error = ex.Result.Detail![0];
        ValidationErrorLocItem loc0 = error.Loc[0];
        ValidationErrorLocItem loc1 = error.Loc[1];
        Console.WriteLine($"RESULT invalid-loc-count={error.Loc.Count}");
        Console.WriteLine($"RESULT invalid-loc0-is-string={loc0.IsString}");
        Console.WriteLine($"RESULT invalid-loc0={(loc0.IsString ? loc0.AsString : "<not a string>")}");
        Console.WriteLine($"RESULT invalid-loc1-is-int={loc1.IsInt64}");
        Console.WriteLine($"RESULT invalid-loc1={(loc1.IsInt64 ? loc1.AsInt64.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<not an int>")}");
        Console.WriteLine($"RESULT invalid-msg={error.Msg}");
        Console.WriteLine($"RESULT invalid-type={error.Type}");
    }

    try
    {
        await anonymous.Conversations.DeleteConversationAsync("conv-http-1");
        Console.WriteLine("RESULT no-key-status=no-exception");
    }
    catch (OpenHandsApiException ex)
    {
        Console.WriteLine($"RESULT no-key-status={ex.StatusCode}");
    }

    Console.WriteLine($"RESULT calls={ConversationsController.Calls}");

    // Issue 11: the generated interfaces mock with NSubstitute, and DI hands out IOpenHandsClient as the real client.
    var conversations = Substitute.For<OpenHandsClient.IConversationsClient>();
    conversations.DeleteConversationAsync("mocked", Arg.Any<CancellationToken>()).Returns(true);
    var mock = Substitute.For<IOpenHandsClient>();
    mock.Conversations.Returns(conversations);
    Console.WriteLine($"RESULT mock-delete={await mock.Conversations.DeleteConversationAsync("mocked")}");
    Console.WriteLine($"RESULT mock-calls={conversations.ReceivedCalls().Count()}");
    var services = new ServiceCollection();
    services.AddOpenHandsClient(o =>
    {
        o.BaseAddress = baseAddress;
        o.APIKeyHeader = ApiKey;
    });
    await using (var provider = services.BuildServiceProvider())
    {
        var fromContainer = provider.GetRequiredService<IOpenHandsClient>();
        Console.WriteLine($"RESULT di-client={fromContainer.GetType().FullName}");
        Console.WriteLine($"RESULT di-delete={await fromContainer.Conversations.DeleteConversationAsync("conv-di")}");
    }

    // Issue 11: the filtered spec (OpenApiInclude/OpenApiExclude, OpenApiGenerate from the project property) generated only what it keeps.
    var groups = typeof(Filtered.Api.FilteredClient).GetNestedTypes().Where(t => t.IsClass);
    var operations = groups.SelectMany(g => g.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => g.Name + "." + m.Name));
    Console.WriteLine("RESULT filtered-operations=" + string.Join(",", operations.Order(StringComparer.Ordinal)));
    var types = typeof(Filtered.Api.FilteredClient).Assembly.GetTypes().Where(t => t.Namespace == "Filtered.Api" && !t.IsNested);
    Console.WriteLine("RESULT filtered-types=" + string.Join(",", types.Select(t => t.Name).Order(StringComparer.Ordinal)));
    // An <OpenApiReference Namespace="Legacy.Api" ClassName="LegacyApiClient"> item generated this client.
    var legacy = new Legacy.Api.LegacyApiClient(http, new Legacy.Api.LegacyApiClientOptions { BaseAddress = baseAddress, APIKeyHeader = ApiKey });
    Console.WriteLine($"RESULT legacy-delete={await legacy.Conversations.DeleteConversationAsync("conv-legacy")}");
    Console.WriteLine($"RESULT legacy-server={typeof(Legacy.Api.LegacyApiClient).Assembly.GetType("Legacy.Api.ConversationsControllerBase") is not null}");

    // deprecated: true → [Obsolete] with the summary, on the operation and the property.
    var inventory = typeof(Filtered.Api.FilteredClient.IStoreClient).GetMethod("GetInventoryAsync")!;
    Console.WriteLine("RESULT obsolete-operation=" + inventory.GetCustomAttribute<ObsoleteAttribute>()?.Message);
    Console.WriteLine("RESULT overlay-property=" + typeof(Filtered.Api.Pet).GetProperty("Age")?.PropertyType.Name);
    Console.WriteLine("RESULT client-named-property=" + (typeof(Filtered.Api.Pet).GetProperty("PetName") is not null));
    Console.WriteLine("RESULT obsolete-property=" + (typeof(Filtered.Api.Pet).GetProperty("LegacyName")!.GetCustomAttribute<ObsoleteAttribute>() is not null));

    // Issue 12: the webhook and the callback, sent by the generated sender to the generated MVC receivers.
    var hooks = new Hooks.Api.HooksWebhookSender(http);
    Console.WriteLine("RESULT webhook-status=" + await hooks.PetAdoptedAsync(new Uri(baseAddress, "webhooks/petAdopted"), new Hooks.Api.Adoption { PetId = 7, Owner = "Ann" }));
    using (var invalid = await http.PostAsync(new Uri(baseAddress, "webhooks/petAdopted"), new StringContent("""{"petId":8,"owner":""}""", System.Text.Encoding.UTF8, "application/json")))
    {
        Console.WriteLine("RESULT webhook-invalid-status=" + (int)invalid.StatusCode);
    }
    Console.WriteLine("RESULT callback-status=" + await hooks.OnStatusAsync(new Uri(baseAddress, "callbacks/onStatus/status"), new Hooks.Api.StatusUpdate { State = "done" }));
    Console.WriteLine("RESULT notifications-received=" + string.Join(",", HookReceivers.Received));
}
catch (Exception ex)
{
    Console.WriteLine($"CLIENT-FAILURE {ex}");
    await app.StopAsync();
    return 1;
}

Console.WriteLine("READY");
Console.Out.Flush();

// Serve until stdin closes (the test holds a pipe; if the test process dies the pipe closes and so do we).
await Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
});
await app.StopAsync();
return 0;

/// <summary>The hand-written side of the contract: only the abstract method.</summary>
public sealed class ConversationsController : ConversationsControllerBase
{
    private static int _calls;

    public static ConcurrentDictionary<string, bool> Store { get; } = new();

    public static int Calls => Volatile.Read(ref _calls);

    public override Task<DeleteConversationResult> DeleteConversation(string conversationId, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Console.WriteLine($"CALL #{call} DeleteConversation({conversationId})");
        if (conversationId == "invalid")
        {
            return Task.FromResult(DeleteConversationResult.UnprocessableEntity(new HTTPValidationError
            {
                Detail = [new ValidationError { Loc = ["path", 0], Msg = "bad", Type = "value_error" }],
            }));
        }
        return Task.FromResult<DeleteConversationResult>(Store.TryRemove(conversationId, out _));
    }
}

/// <summary>What the generated webhook and callback receivers (MVC controller bases) were handed.</summary>
public static class HookReceivers
{
    public static ConcurrentQueue<string> Received { get; } = new();
}

public sealed class WebhooksController : Hooks.Api.WebhooksControllerBase
{
    public override Task<Hooks.Api.PetAdoptedResult> PetAdopted(Hooks.Api.Adoption body, CancellationToken cancellationToken)
    {
        HookReceivers.Received.Enqueue("adopted " + body.PetId + " by " + body.Owner);
        return Task.FromResult(Hooks.Api.PetAdoptedResult.Ok());
    }
}

public sealed class CallbacksController : Hooks.Api.CallbacksControllerBase
{
    public override Task<Hooks.Api.OnStatusResult> OnStatus(Hooks.Api.StatusUpdate body, CancellationToken cancellationToken)
    {
        HookReceivers.Received.Enqueue("status " + body.State);
        return Task.FromResult(Hooks.Api.OnStatusResult.Accepted());
    }
}
