using System.Collections.Concurrent;
using OpenHands.Api;

// Usage: dotnet run --project samples/MinimalAotServer -- --urls http://127.0.0.1:5080 --ApiKey secret
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton<ConcurrentDictionary<string, bool>>(_ => new(new Dictionary<string, bool> { ["conv-1"] = true }));
builder.Services.AddScoped<ConversationsHandlerBase, ConversationsHandler>();
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(builder.Configuration["ApiKey"] ?? "change-me"));
builder.Services.AddAuthorization();

var app = builder.Build();
app.MapOpenHandsEndpoints();
app.Run();

/// <summary>Only the operation's logic: routes, binding, validation and authentication come from the generated code.</summary>
public sealed class ConversationsHandler(ConcurrentDictionary<string, bool> store) : ConversationsHandlerBase
{
    public override Task<DeleteConversationResult> DeleteConversation(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<DeleteConversationResult>(store.TryRemove(conversationId, out _));
}
