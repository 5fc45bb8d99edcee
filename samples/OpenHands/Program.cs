using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenHands.Api;

// The OpenHands seed operation, end to end: generated controller base + security handler on Kestrel,
// called through the generated client over real HTTP on 127.0.0.1.
const string ApiKey = "sample-secret-key";

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddSingleton<ConversationStore>();
builder.Services.AddControllers();
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(ApiKey));

var app = builder.Build();
app.MapControllers();
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
Console.WriteLine($"Listening on {address}");

app.Services.GetRequiredService<ConversationStore>().Add("conv-1");
using var http = new HttpClient();
var client = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = address, APIKeyHeader = ApiKey });
var anonymous = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = address });

Console.WriteLine($"DELETE conv-1 with key      -> {await client.Conversations.DeleteConversationAsync("conv-1")}");
Console.WriteLine($"DELETE unknown-id with key  -> {await client.Conversations.DeleteConversationAsync("unknown-id")}");
try
{
    await client.Conversations.DeleteConversationAsync("bad id!");
}
catch (OpenHandsApiException<HTTPValidationError> ex)
{
    var error = ex.Result.Detail![0];
    Console.WriteLine($"DELETE 'bad id!' with key   -> {ex.StatusCode} loc=[{string.Join(", ", error.Loc.Select(l => l.Match(s => $"\"{s}\"", i => i.ToString())))}] msg={error.Msg}");
}
try
{
    await anonymous.Conversations.DeleteConversationAsync("conv-1");
}
catch (OpenHandsApiException ex)
{
    Console.WriteLine($"DELETE conv-1 without key   -> {ex.StatusCode}");
}

await app.StopAsync();

/// <summary>In-memory conversations.</summary>
public sealed class ConversationStore
{
    private readonly ConcurrentDictionary<string, bool> _ids = new();

    public void Add(string id) => _ids[id] = true;

    public bool Remove(string id) => _ids.TryRemove(id, out _);
}

/// <summary>The user's side of the contract: only the abstract method is written by hand.</summary>
public sealed partial class ConversationsController(ConversationStore store) : ConversationsControllerBase
{
    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex ValidId();

    public override Task<DeleteConversationResult> DeleteConversation(string conversationId, CancellationToken cancellationToken)
    {
        if (!ValidId().IsMatch(conversationId))
        {
            return Task.FromResult(DeleteConversationResult.UnprocessableEntity(new HTTPValidationError
            {
                Detail =
                [
                    new ValidationError { Loc = ["path", "conversation_id"], Msg = "must match ^[A-Za-z0-9-]+$", Type = "value_error" },
                ],
            }));
        }
        return Task.FromResult<DeleteConversationResult>(store.Remove(conversationId));
    }
}
