// The consumer app of the full-spec end-to-end test (../shared/specs/openhands.json). It is copied, with
// Controllers.cs, into a temp Sdk.Web project that references the packed OpenApiGen NuGet package; the test builds it,
// starts it and reads its stdout.
//   args[0]: the port to bind on 127.0.0.1.
// Drives every operation through the generated client and prints "RESULT name=value" lines (one value per line),
// then "READY", then keeps serving until stdin is closed (the test keeps a pipe open) or the process is killed.
// A call that throws unexpectedly prints "STEP-FAILED name: exception" and the run goes on with the next step.
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
#if !MINIMAL_API
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
#endif
using OpenHands.Api;

const string ApiKey = "e2e-key";
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var invariant = System.Globalization.CultureInfo.InvariantCulture;

#if MINIMAL_API
// Built with MINIMAL_API, the same handlers serve the generated minimal-API endpoints: no MVC, publishable with Native AOT.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddScoped<AddGitProvidersHandlerBase, AddGitProvidersController>();
builder.Services.AddScoped<AliveHandlerBase, AliveController>();
builder.Services.AddScoped<ConversationsHandlerBase, ConversationsController>();
builder.Services.AddScoped<HealthHandlerBase, HealthController>();
builder.Services.AddScoped<OptionsHandlerBase, OptionsController>();
builder.Services.AddScoped<ResetSettingsHandlerBase, ResetSettingsController>();
builder.Services.AddScoped<SecretsHandlerBase, SecretsController>();
builder.Services.AddScoped<SettingsHandlerBase, SettingsController>();
builder.Services.AddScoped<UnsetProviderTokensHandlerBase, UnsetProviderTokensController>();
builder.Services.AddScoped<UserHandlerBase, UserController>();
builder.Services.AddAuthorization();
// The endpoints write with the generated metadata; the app's own JSON (and its OpenAPI document) uses it too.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OpenHandsJsonContext.Default));
#if OPENAPI_DOCUMENT
builder.Services.AddOpenApi();
#endif
#else
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers(o => o.Filters.Add<InvocationRecorder>());
#endif
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddSingleton<OpenHandsStore>();
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(ApiKey));

var app = builder.Build();
var store = app.Services.GetRequiredService<OpenHandsStore>();

// Every response of a controller endpoint, including the 401s the authentication handler sends before the action
// (hence authentication/authorization are placed explicitly after this middleware; routing is implicit, first).
app.Use(async (context, next) =>
{
    await next(context);
#if MINIMAL_API
    if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template })
    {
        var status = context.Response.StatusCode;
        store.Responses.Enqueue($"{context.Request.Method} {template} {status}");
        // Minimal APIs have no action filter for RequestDelegate endpoints: a status other than the security handler's
        // 401 and the input checks' 415/422 can only come from the handler, so that endpoint reached it.
        if (status is not (401 or 415 or 422)) store.Served.Enqueue($"{context.Request.Method} {template}");
    }
#else
    if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { AttributeRouteInfo.Template: { } template })
    {
        store.Responses.Enqueue($"{context.Request.Method} /{template} {context.Response.StatusCode}");
    }
#endif
});
app.UseAuthentication();
app.UseAuthorization();
#if MINIMAL_API
app.MapOpenHandsEndpoints();
#if OPENAPI_DOCUMENT
app.MapOpenApi();
#endif
#else
app.MapControllers();
#endif

await app.StartAsync();
Console.WriteLine($"LISTENING http://127.0.0.1:{port}");

var baseAddress = new Uri($"http://127.0.0.1:{port}/");
using var http = new HttpClient();
var client = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = baseAddress, APIKeyHeader = ApiKey });
var anonymous = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = baseAddress });
var wrongKey = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = baseAddress, APIKeyHeader = "not-the-key" });
var failures = 0;

void R(string name, object? value)
{
    var text = value switch
    {
        null => "<null>",
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, invariant),
        _ => value.ToString() ?? "<null>",
    };
    Console.WriteLine($"RESULT {name}={text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}");
}

async Task Step(string name, Func<Task> body)
{
    try
    {
        await body();
    }
    catch (Exception ex)
    {
        failures++;
        Console.WriteLine($"STEP-FAILED {name}: {ex.GetType().FullName}: {ex.Message}".Replace("\n", " ", StringComparison.Ordinal));
        Console.WriteLine(ex.ToString().Replace("\n", "\n    ", StringComparison.Ordinal));
    }
}

// Runs a call that must fail with a documented error and returns the exception (or prints why it did not).
async Task<T?> Expect<T>(string name, Func<Task> call) where T : OpenHandsApiException
{
    try
    {
        await call();
        R(name + "-status", "no-exception");
    }
    catch (T ex)
    {
        R(name + "-status", ex.StatusCode);
        return ex;
    }
    catch (OpenHandsApiException ex)
    {
        R(name + "-status", ex.StatusCode);
        R(name + "-exception", ex.GetType().Name);
    }
    return null;
}

static string Join<T>(IEnumerable<T> items) => string.Join(",", items);

static string Loc(HTTPValidationError error) =>
    string.Join("/", error.Detail![0].Loc.Select(l => l.Match(s => s, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

// ---- Health, alive: no security in the spec, so they work without a key.
await Step("health", async () =>
{
    R("health", await client.Health.HealthAsync());
    R("health-anonymous", await anonymous.Health.HealthAsync());
    R("alive-status", (await anonymous.Alive.AliveAsync()).GetProperty("status").GetString());
});

// ---- Options.
await Step("options", async () =>
{
    var models = await client.Options.GetLitellmModelsAsync();
    R("models-count", models.Count);
    R("models", Join(models));
    R("agents", Join(await client.Options.GetAgentsAsync()));
    R("security-analyzers", Join(await client.Options.GetSecurityAnalyzersAsync()));
    var config = await client.Options.GetConfigAsync();
    R("config-app-mode", config["APP_MODE"].GetString());
    R("config-max-iterations", config["MAX_ITERATIONS"].GetInt32());
    R("config-billing", config["FEATURE_FLAGS"].GetProperty("ENABLE_BILLING").GetBoolean());
});

// ---- Git providers (they show up in the loaded settings).
await Step("providers", async () =>
{
    var stored = await client.AddGitProviders.StoreProviderTokensAsync(new POSTProviderModel
    {
        ProviderTokens = new Dictionary<string, ProviderToken>
        {
            ["github"] = new() { Token = "ghp_e2e", Host = "github.com" },
            ["gitlab"] = new() { Token = "glpat_e2e", Host = "gitlab.example.test", UserId = "7" },
        },
    });
    R("providers-stored-message", stored.GetProperty("message").GetString());
    R("providers-stored-count", stored.GetProperty("count").GetInt32());
    var invalid = await Expect<OpenHandsApiException<HTTPValidationError>>("providers-invalid", () =>
        client.AddGitProviders.StoreProviderTokensAsync(new POSTProviderModel { ProviderTokens = new Dictionary<string, ProviderToken> { ["svn"] = new() { Token = "x" } } }));
    R("providers-invalid-loc", invalid is null ? null : Loc(invalid.Result));
});

// ---- Settings: 404 before anything is stored, then a full round trip.
var sentSettings = new Settings
{
    Language = "en",
    Agent = "CodeActAgent",
    MaxIterations = 120,
    SecurityAnalyzer = "invariant",
    ConfirmationMode = true,
    LlmModel = "anthropic/claude-sonnet-4-20250514",
    LlmApiKey = "sk-e2e-secret",
    LlmBaseUrl = "https://llm.example.test/v1",
    RemoteRuntimeResourceFactor = 2,
    EnableDefaultCondenser = true,
    EnableSoundNotifications = false,
    EnableProactiveConversationStarters = true,
    EnableSolvabilityAnalysis = false,
    UserConsentsToAnalytics = false,
    SandboxBaseContainerImage = "nikolaik/python-nodejs:python3.12-nodejs22",
    SandboxRuntimeContainerImage = "ghcr.io/all-hands-ai/runtime:0.50-nikolaik",
    McpConfig = new MCPConfig
    {
        SseServers = [new MCPSSEServerConfig { Url = "https://mcp.example.test/sse", ApiKey = "mcp-key" }],
        StdioServers = [new MCPStdioServerConfig { Name = "fs", Command = "npx", Args = ["-y", "@modelcontextprotocol/server-filesystem"], Env = new Dictionary<string, string> { ["ROOT"] = "/workspace" } }],
        ShttpServers = [],
    },
    MaxBudgetPerTask = 12.5,
    Email = "octo@example.test",
    EmailVerified = true,
    GitUserName = "octo",
    GitUserEmail = "octo@users.example.test",
};
await Step("settings", async () =>
{
    var missing = await Expect<OpenHandsApiException<IReadOnlyDictionary<string, JsonElement>>>("settings-before", () => client.Settings.LoadSettingsAsync());
    R("settings-before-error", missing?.Result["error"].GetString());

    var stored = await client.Settings.StoreSettingsAsync(sentSettings);
    R("settings-store-message", stored["message"].GetString());

    var loaded = await client.Settings.LoadSettingsAsync();
    R("settings-llm-api-key", loaded.LlmApiKey);
    R("settings-llm-api-key-set", loaded.LlmApiKeySet);
    R("settings-search-api-key-set", loaded.SearchApiKeySet);
    R("settings-language", loaded.Language);
    R("settings-max-iterations", loaded.MaxIterations);
    R("settings-confirmation-mode", loaded.ConfirmationMode);
    R("settings-max-budget", loaded.MaxBudgetPerTask);
    R("settings-mcp-sse-url", loaded.McpConfig?.SseServers?[0].Url);
    R("settings-mcp-stdio", $"{loaded.McpConfig?.StdioServers?[0].Command} {string.Join(" ", loaded.McpConfig?.StdioServers?[0].Args ?? [])} ROOT={loaded.McpConfig?.StdioServers?[0].Env?["ROOT"]}");
    R("settings-provider-tokens-set", loaded.ProviderTokensSet is null ? null : Join(loaded.ProviderTokensSet.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")));

    // Field by field through the wire names: everything that was sent comes back equal, except the masked API key.
    var sentJson = OpenHandsStore.ToNode(sentSettings);
    var loadedJson = OpenHandsStore.ToNode(loaded);
    var compared = sentJson.Where(p => p.Key != "llm_api_key").ToList();
    R("settings-fields-compared", compared.Count);
    var differences = compared.Where(p => !JsonNode.DeepEquals(p.Value, loadedJson[p.Key])).Select(p => p.Key).ToList();
    R("settings-differences", differences.Count == 0 ? "none" : Join(differences));
    // ...and a typed comparison of the shared members.
    var roundTripped = OpenHandsStore.FromNode<Settings>(loadedJson);
    R("settings-record-equal", roundTripped with { LlmApiKey = sentSettings.LlmApiKey, McpConfig = sentSettings.McpConfig } == sentSettings);

    var invalid = await Expect<OpenHandsApiException<HTTPValidationError>>("settings-invalid", () => client.Settings.StoreSettingsAsync(sentSettings with { MaxIterations = 0 }));
    R("settings-invalid-loc", invalid is null ? null : Loc(invalid.Result));
    var reset = await Expect<OpenHandsApiException<IReadOnlyDictionary<string, JsonElement>>>("settings-reset", () => client.ResetSettings.ResetSettingsAsync());
    R("settings-reset-error", reset?.Result["error"].GetString());
});

await Step("providers-unset", async () =>
{
    R("providers-unset", (await client.UnsetProviderTokens.UnsetProviderTokensAsync())["message"]);
});

// ---- Secrets.
await Step("secrets", async () =>
{
    R("secret-create", (await client.Secrets.CreateCustomSecretAsync(new CustomSecretModel { Name = "DB_PASSWORD", Description = "database", Value = "hunter2" }))["message"]);
    var duplicate = await Expect<OpenHandsApiException<HTTPValidationError>>("secret-duplicate", () =>
        client.Secrets.CreateCustomSecretAsync(new CustomSecretModel { Name = "DB_PASSWORD", Value = "again" }));
    R("secret-duplicate-msg", duplicate?.Result.Detail?[0].Msg);
    R("secrets-after-create", Join((await client.Secrets.LoadCustomSecretsNamesAsync()).CustomSecrets!.Select(s => $"{s.Name}:{s.Description}")));
    R("secret-update", (await client.Secrets.UpdateCustomSecretAsync("DB_PASSWORD", new CustomSecretWithoutValueModel { Name = "DATABASE_PASSWORD", Description = "renamed" }))["message"]);
    R("secrets-after-update", Join((await client.Secrets.LoadCustomSecretsNamesAsync()).CustomSecrets!.Select(s => $"{s.Name}:{s.Description}")));
    R("secret-delete", (await client.Secrets.DeleteCustomSecretAsync("DATABASE_PASSWORD")).GetProperty("message").GetString());
    await Expect<OpenHandsApiException<HTTPValidationError>>("secret-delete-again", () => client.Secrets.DeleteCustomSecretAsync("DATABASE_PASSWORD"));
    R("secrets-after-delete", (await client.Secrets.LoadCustomSecretsNamesAsync()).CustomSecrets!.Count);
});

// ---- User.
await Step("user", async () =>
{
    var user = await client.User.GetUserAsync();
    R("user", $"{user.Id}:{user.Login}:{user.Email}");
    R("installations", Join(await client.User.GetUserInstallationsAsync(ProviderType.Gitlab)));
    // Open enum: a value the spec does not list still goes out on the wire and the server rejects it.
    var unknown = await Expect<OpenHandsApiException<HTTPValidationError>>("installations-unknown", () => client.User.GetUserInstallationsAsync("azure_devops"));
    R("installations-unknown-msg", unknown?.Result.Detail?[0].Msg);
    var repositories = await client.User.GetUserRepositoriesAsync(sort: "stars", selectedProvider: ProviderType.Github, page: 1, perPage: 10);
    R("repositories", Join(repositories.Select(r => $"{r.FullName}:{r.StargazersCount}:{r.IsPublic}:{r.GitProvider}:{r.OwnerType}")));
    R("repositories-page2", Join((await client.User.GetUserRepositoriesAsync(sort: "stars", selectedProvider: ProviderType.Github, page: 2, perPage: 1)).Select(r => r.FullName)));
    R("repositories-all", Join((await client.User.GetUserRepositoriesAsync()).Select(r => r.FullName)));
    R("search-repositories", Join((await client.User.SearchRepositoriesAsync("OCTO", perPage: 1, sort: "stars", order: "desc", selectedProvider: ProviderType.Github)).Select(r => r.FullName)));
    R("branches", Join((await client.User.GetRepositoryBranchesAsync("octo/hello")).Select(b => $"{b.Name}:{b.Protected}")));
    var microagents = await client.User.GetRepositoryMicroagentsAsync("octo-hello");
    R("repository-microagents", Join(microagents.Select(m => $"{m.Name}@{m.Path}@{m.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}")));
    var content = await client.User.GetRepositoryMicroagentContentAsync("octo-hello", ".openhands/microagents/docker.md");
    R("repository-microagent-content", $"{content.Content}|{content.Path}|{Join(content.Triggers ?? [])}|{content.GitProvider}");
    R("suggested-tasks", Join((await client.User.GetSuggestedTasksAsync()).Select(t => $"{t.Repo}#{t.IssueNumber}:{t.TaskType}:{t.GitProvider}:{t.Title}")));
});

// ---- Conversations.
string? conversationId = null;
await Step("conversation-create", async () =>
{
    var created = await client.Conversations.NewConversationAsync(new InitSessionRequest
    {
        Repository = "octo/hello",
        GitProvider = ProviderType.Github,
        SelectedBranch = "main",
        InitialUserMsg = "Fix the build",
        ImageUrls = [],
        ConversationInstructions = "Be brief.",
    });
    conversationId = created.ConversationId;
    R("created-status", created.Status);
    R("created-id", created.ConversationId);
    R("created-conversation-status", created.ConversationStatus);
    var second = await client.Conversations.NewConversationAsync(new InitSessionRequest
    {
        Repository = "lab/tools",
        GitProvider = ProviderType.Gitlab,
        CreateMicroagent = new CreateMicroagent { Repo = "lab/tools", GitProvider = ProviderType.Gitlab, Title = "Add a microagent" },
    });
    R("second-id", second.ConversationId);
    var third = await client.Conversations.NewConversationAsync(new InitSessionRequest
    {
        ConversationId = "conv-explicit",
        SuggestedTask = new SuggestedTask { GitProvider = ProviderType.Github, TaskType = TaskType.OpenIssue, Repo = "octo/hello", IssueNumber = 3, Title = "Crash" },
    });
    R("third-id", third.ConversationId);
    var invalid = await Expect<OpenHandsApiException<HTTPValidationError>>("create-invalid", () =>
        client.Conversations.NewConversationAsync(new InitSessionRequest { Repository = "no-slash" }));
    R("create-invalid-loc", invalid is null ? null : Loc(invalid.Result));
    R("create-invalid-msg", invalid?.Result.Detail?[0].Msg);
});

await Step("conversation-search", async () =>
{
    var all = await client.Conversations.SearchConversationsAsync();
    R("list-ids", Join(all.Results!.Select(c => c.ConversationId)));
    R("list-next-page", all.NextPageId);
    R("list-by-repository", Join((await client.Conversations.SearchConversationsAsync(selectedRepository: "octo/hello")).Results!.Select(c => c.ConversationId)));
    R("list-by-trigger", Join((await client.Conversations.SearchConversationsAsync(conversationTrigger: ConversationTrigger.MicroagentManagement)).Results!.Select(c => $"{c.ConversationId}:{c.Trigger}")));
    var page1 = await client.Conversations.SearchConversationsAsync(limit: 2);
    R("page1", Join(page1.Results!.Select(c => c.ConversationId)));
    R("page1-next", page1.NextPageId);
    var page2 = await client.Conversations.SearchConversationsAsync(pageId: page1.NextPageId, limit: 2);
    R("page2", Join(page2.Results!.Select(c => c.ConversationId)));
    R("page2-next", page2.NextPageId);
    var invalid = await Expect<OpenHandsApiException<HTTPValidationError>>("list-invalid-limit", () => client.Conversations.SearchConversationsAsync(limit: 0));
    R("list-invalid-limit-loc", invalid is null ? null : Loc(invalid.Result));
});

await Step("conversation-get-patch", async () =>
{
    var info = await client.Conversations.GetConversationAsync(conversationId!);
    R("get-id", info?.ConversationId);
    R("get-title", info?.Title);
    R("get-repository", info?.SelectedRepository);
    R("get-branch", info?.SelectedBranch);
    R("get-provider", info?.GitProvider);
    R("get-trigger", info?.Trigger);
    R("get-status", info?.Status);
    R("get-runtime-status", info?.RuntimeStatus);
    R("get-created-recently", info?.CreatedAt is { } created && Math.Abs((DateTimeOffset.UtcNow - created).TotalMinutes) < 5);
    R("get-pr-numbers", info?.PrNumber?.Count);

    R("patch", await client.Conversations.UpdateConversationAsync(conversationId!, new UpdateConversationRequest { Title = "Renamed by the e2e test" }));
    R("get-after-patch-title", (await client.Conversations.GetConversationAsync(conversationId!))?.Title);
    R("patch-unknown", await client.Conversations.UpdateConversationAsync("no-such-conversation", new UpdateConversationRequest { Title = "x" }));
    var invalid = await Expect<OpenHandsApiException<HTTPValidationError>>("patch-invalid", () =>
        client.Conversations.UpdateConversationAsync(conversationId!, new UpdateConversationRequest { Title = new string('x', 101) }));
    R("patch-invalid-loc", invalid is null ? null : Loc(invalid.Result));
    R("get-after-invalid-patch-title", (await client.Conversations.GetConversationAsync(conversationId!))?.Title);
});

// Two files, one text and one binary big enough to need several reads.
var notes = Encoding.UTF8.GetBytes("hello from the e2e test");
var data = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray();
await Step("upload", async () =>
{
    var uploaded = await client.Conversations.UploadFilesAsync(conversationId!,
    [
        new OpenHandsFile(new MemoryStream(notes), "notes.txt", "text/plain"),
        new OpenHandsFile(new MemoryStream(data), "data.bin", "application/octet-stream"),
    ]);
    R("upload-file-urls", Join(uploaded.FileUrls));
    R("upload-skipped", uploaded.SkippedFiles.Count == 0 ? "none" : Join(uploaded.SkippedFiles));
    R("upload-server-saw", string.Join(";", store.Uploads.Where(u => u.StartsWith(conversationId + "|", StringComparison.Ordinal)).Select(u => u[(conversationId!.Length + 1)..])));
    var stored = store.Workspaces[conversationId!];
    R("upload-stored-bytes-equal", stored["notes.txt"].AsSpan().SequenceEqual(notes) && stored["data.bin"].AsSpan().SequenceEqual(data));
});

await Step("workspace", async () =>
{
    R("list-files", Join(await client.Conversations.ListFilesAsync(conversationId!)));
    R("list-files-filtered", Join(await client.Conversations.ListFilesAsync(conversationId!, path: "notes")));
    var missing = await Expect<OpenHandsApiException<IReadOnlyDictionary<string, JsonElement>>>("list-files-unknown", () => client.Conversations.ListFilesAsync("no-such-conversation"));
    R("list-files-unknown-error", missing?.Result["error"].GetString());
    R("select-file", (await client.Conversations.SelectFileAsync(conversationId!, "notes.txt"))["code"]);
    var broken = await Expect<OpenHandsApiException<IReadOnlyDictionary<string, JsonElement>>>("select-file-missing", () => client.Conversations.SelectFileAsync(conversationId!, "nope.txt"));
    R("select-file-missing-error", broken?.Result["error"].GetString());
    R("git-changes", Join((await client.Conversations.GitChangesAsync(conversationId!)).Select(c => $"{c["status"]}:{c["path"]}")));
    R("git-diff-modified", (await client.Conversations.GitDiffAsync(conversationId!, "notes.txt"))["modified"].GetString());
});

await Step("zip", async () =>
{
    // See Controllers.cs: the spec documents this response as JSON, so the generated client returns a JsonElement.
    var archive = await client.Conversations.ZipCurrentWorkspaceAsync(conversationId!);
    R("zip-kind", archive.ValueKind);
    R("zip-file-name", archive.GetProperty("file_name").GetString());
    R("zip-media-type", archive.GetProperty("media_type").GetString());
    using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(archive.GetProperty("content_base64").GetString()!)), ZipArchiveMode.Read);
    R("zip-entries", Join(zip.Entries.Select(e => $"{e.FullName}:{e.Length}")));
    using var reader = new StreamReader(zip.GetEntry("notes.txt")!.Open());
    R("zip-notes", await reader.ReadToEndAsync());
});

await Step("conversation-lifecycle", async () =>
{
    var started = await client.Conversations.StartConversationAsync(conversationId!, new ProvidersSetModel { ProvidersSet = [ProviderType.Github, ProviderType.Gitlab] });
    R("start", $"{started.Status}:{started.ConversationStatus}:{started.Message}");
    R("get-after-start-status", (await client.Conversations.GetConversationAsync(conversationId!))?.Status);

    var events = await client.Conversations.SearchEventsAsync(conversationId!);
    R("events-all", Join(events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())));
    // GET with a JSON body (the spec says so) plus four query parameters.
    var filtered = await client.Conversations.SearchEventsAsync(conversationId!, new EventFilter { Source = "agent" }, startId: 0, endId: 4, reverse: true, limit: 10);
    R("events-filtered", Join(filtered.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())));
    var limited = await client.Conversations.SearchEventsAsync(conversationId!, startId: 1, limit: 2);
    R("events-limited", $"{Join(limited.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()))} more={limited.GetProperty("has_more").GetBoolean()}");
    R("add-event", (await client.Conversations.AddEventAsync(conversationId!)).GetProperty("events").GetInt32());
    R("add-event-again", (await client.Conversations.AddEventAsync(conversationId!)).GetProperty("events").GetInt32());
    R("microagents", (await client.Conversations.GetMicroagentsAsync(conversationId!)).GetProperty("microagents")[0].GetProperty("name").GetString());
    R("prompt", (await client.Conversations.GetPromptAsync(conversationId!, 7)).GetProperty("prompt").GetString());
    R("feedback", (await client.Conversations.SubmitFeedbackAsync(conversationId!)).GetProperty("feedback_id").GetString());
    R("runtime-config", (await client.Conversations.GetRemoteRuntimeConfigAsync(conversationId!)).GetProperty("runtime_id").GetString());
    R("trajectory-length", (await client.Conversations.GetTrajectoryAsync(conversationId!)).GetProperty("trajectory").GetArrayLength());

    var stopped = await client.Conversations.StopConversationAsync(conversationId!);
    R("stop", $"{stopped.Status}:{stopped.ConversationStatus}");
    R("get-after-stop-status", (await client.Conversations.GetConversationAsync(conversationId!))?.Status);
});

// ---- Without the key, or with a wrong one: 401 before any controller; health still answers.
await Step("security", async () =>
{
    await Expect<OpenHandsApiException>("no-key-search", () => anonymous.Conversations.SearchConversationsAsync());
    await Expect<OpenHandsApiException>("no-key-settings", () => anonymous.Settings.LoadSettingsAsync());
    await Expect<OpenHandsApiException>("no-key-delete", () => anonymous.Conversations.DeleteConversationAsync(conversationId!));
    await Expect<OpenHandsApiException>("wrong-key-models", () => wrongKey.Options.GetLitellmModelsAsync());
    R("wrong-key-health", await wrongKey.Health.HealthAsync());
    R("conversation-survived-no-key-delete", (await client.Conversations.GetConversationAsync(conversationId!)) is not null);
});

// ---- Delete last.
await Step("conversation-delete", async () =>
{
    R("delete", await client.Conversations.DeleteConversationAsync(conversationId!));
    R("delete-again", await client.Conversations.DeleteConversationAsync(conversationId!));
    R("list-after-delete", Join((await client.Conversations.SearchConversationsAsync()).Results!.Select(c => c.ConversationId)));
});
await Step("conversation-get-after-delete", async () =>
{
    // The spec documents no 404 for an unknown id: 200 with a JSON null body (anyOf [ConversationInfo, null]).
    var gone = await client.Conversations.GetConversationAsync(conversationId!);
    R("get-after-delete", gone is null ? "null" : gone.ConversationId);
});

// What reached the actions and what was answered, so the test can hold them against the spec.
foreach (var invoked in store.Served.Distinct().Order(StringComparer.Ordinal))
{
    Console.WriteLine($"INVOKED {invoked}");
}
foreach (var response in store.Responses.Distinct().Order(StringComparer.Ordinal))
{
    Console.WriteLine($"ANSWERED {response}");
}
R("operations-invoked", store.Served.Distinct().Count());
R("step-failures", failures);
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

#if !MINIMAL_API
/// <summary>Records every action that actually runs, as "METHOD /route-template".</summary>
public sealed class InvocationRecorder(OpenHandsStore store) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor.AttributeRouteInfo?.Template is { } template)
        {
            store.Served.Enqueue($"{context.HttpContext.Request.Method} /{template}");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
#endif
