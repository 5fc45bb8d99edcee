using System.Collections.Concurrent;
using OpenHands.Api;

// Usage: dotnet run --project samples/ServerOnly -- --urls http://127.0.0.1:5080 --ApiKey secret
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ConcurrentDictionary<string, bool>>(_ => new(new Dictionary<string, bool> { ["conv-1"] = true }));
builder.Services.AddControllers();
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(builder.Configuration["ApiKey"] ?? "change-me"));

var app = builder.Build();
app.MapControllers();
app.Run();

/// <summary>Only the operation's logic: routes, binding, validation and authentication come from the generated base.</summary>
public sealed class ConversationsController(ConcurrentDictionary<string, bool> store) : ConversationsControllerBase
{
    public override Task<DeleteConversationResult> DeleteConversation(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<DeleteConversationResult>(store.TryRemove(conversationId, out _));
}
