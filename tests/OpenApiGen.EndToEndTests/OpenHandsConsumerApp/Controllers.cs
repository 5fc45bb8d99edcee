// The hand-written side of the whole OpenHands contract: every abstract method of every generated controller base
// (or, built with MINIMAL_API, minimal-API handler base), over one in-memory store. Copied into the temp consumer with Program.cs.
#if MINIMAL_API
// The minimal-API server's handler bases declare the controller bases' abstract methods: the same classes serve both.
global using AddGitProvidersControllerBase = OpenHands.Api.AddGitProvidersHandlerBase;
global using AliveControllerBase = OpenHands.Api.AliveHandlerBase;
global using ConversationsControllerBase = OpenHands.Api.ConversationsHandlerBase;
global using HealthControllerBase = OpenHands.Api.HealthHandlerBase;
global using OptionsControllerBase = OpenHands.Api.OptionsHandlerBase;
global using ResetSettingsControllerBase = OpenHands.Api.ResetSettingsHandlerBase;
global using SecretsControllerBase = OpenHands.Api.SecretsHandlerBase;
global using SettingsControllerBase = OpenHands.Api.SettingsHandlerBase;
global using UnsetProviderTokensControllerBase = OpenHands.Api.UnsetProviderTokensHandlerBase;
global using UserControllerBase = OpenHands.Api.UserHandlerBase;
#endif
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenHands.Api;

/// <summary>Everything the fake OpenHands server remembers.</summary>
public sealed class OpenHandsStore
{
    private int _sequence;

    public ConcurrentDictionary<string, ConversationInfo> Conversations { get; } = new(StringComparer.Ordinal);

    /// <summary>Workspace files per conversation: name → bytes.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> Workspaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Every file the upload action received, as "conversation|name|length|content-type".</summary>
    public ConcurrentQueue<string> Uploads { get; } = new();

    public ConcurrentDictionary<string, JsonElement> Events { get; } = new(StringComparer.Ordinal);

    public Settings? Settings { get; set; }

    public ConcurrentDictionary<string, (string? Description, string Value)> Secrets { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ProviderToken> ProviderTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request that reached a controller action: "METHOD /route-template".</summary>
    public ConcurrentQueue<string> Served { get; } = new();

    /// <summary>Every response of a controller endpoint, the 401s of the authentication handler included: "METHOD /route-template status".</summary>
    public ConcurrentQueue<string> Responses { get; } = new();

    public string NextConversationId() => $"conv{Interlocked.Increment(ref _sequence):D4}";

    // Everything here is Native-AOT safe (the MINIMAL_API build is also published natively): JSON is built as nodes,
    // and the spec's types travel through the generated metadata, never through reflection.
    public static readonly JsonSerializerOptions Options = OpenHandsJsonContext.CreateOptions();

    public static JsonElement Json(JsonNode? value)
    {
        using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    public static JsonObject ToNode<T>(T value) =>
        JsonSerializer.SerializeToNode(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))!.AsObject();

    public static T FromNode<T>(JsonNode node) =>
        node.Deserialize((System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))!;

    public static IReadOnlyDictionary<string, JsonElement> Detail(string message) =>
        new Dictionary<string, JsonElement> { ["error"] = Json(message) };

    public static HTTPValidationError Invalid(string location, string field, string message) => new()
    {
        Detail = [new ValidationError { Loc = [location, field], Msg = message, Type = "value_error" }],
    };
}

public sealed class ConversationsController(OpenHandsStore store) : ConversationsControllerBase
{
    private const int MaxTitleLength = 100;

    public override Task<SearchConversationsResult> SearchConversations(string? pageId, long? limit, string? selectedRepository, ConversationTrigger? conversationTrigger, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 100)
        {
            return Task.FromResult(SearchConversationsResult.UnprocessableEntity(OpenHandsStore.Invalid("query", "limit", "limit must be between 1 and 100")));
        }
        var matches = store.Conversations.Values
            .Where(c => selectedRepository is null || c.SelectedRepository == selectedRepository)
            .Where(c => conversationTrigger is null || c.Trigger == conversationTrigger)
            .OrderBy(c => c.ConversationId, StringComparer.Ordinal)
            .ToList();
        // page_id is an opaque string in the spec: one this store never issued starts from the beginning, never a 500.
        var skip = int.TryParse(pageId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var take = (int)(limit ?? 20);
        var page = matches.Skip(skip).Take(take).ToList();
        var next = skip + take < matches.Count ? (skip + take).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult<SearchConversationsResult>(new ConversationInfoResultSet { Results = page, NextPageId = next });
    }

    public override Task<NewConversationResult> NewConversation(InitSessionRequest body, CancellationToken cancellationToken)
    {
        if (body.Repository is { } repository && !repository.Contains('/', StringComparison.Ordinal))
        {
            return Task.FromResult(NewConversationResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "repository", "repository must be owner/name")));
        }
        var id = body.ConversationId ?? store.NextConversationId();
        ConversationTrigger trigger = body.CreateMicroagent is not null ? ConversationTrigger.MicroagentManagement
            : body.SuggestedTask is not null ? ConversationTrigger.SuggestedTask
            : ConversationTrigger.Gui;
        var now = DateTimeOffset.UtcNow;
        store.Conversations[id] = new ConversationInfo
        {
            ConversationId = id,
            Title = body.InitialUserMsg is { } message ? $"Conversation: {message}" : $"Conversation {id}",
            CreatedAt = now,
            LastUpdatedAt = now,
            Status = ConversationStatus.Starting,
            RuntimeStatus = RuntimeStatus.StatusStartingRuntime,
            SelectedRepository = body.Repository,
            SelectedBranch = body.SelectedBranch,
            GitProvider = body.GitProvider,
            Trigger = trigger,
            NumConnections = 0,
            PrNumber = [],
        };
        store.Workspaces[id] = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        return Task.FromResult<NewConversationResult>(new ConversationResponse
        {
            Status = "ok",
            ConversationId = id,
            ConversationStatus = ConversationStatus.Starting,
        });
    }

    public override Task<GetConversationResult> GetConversation(string conversationId, CancellationToken cancellationToken) =>
        // The spec documents no 404: an unknown id is 200 with a null body (anyOf [ConversationInfo, null]).
        Task.FromResult<GetConversationResult>(store.Conversations.TryGetValue(conversationId, out var info) ? info : null);

    public override Task<DeleteConversationResult> DeleteConversation(string conversationId, CancellationToken cancellationToken)
    {
        store.Workspaces.TryRemove(conversationId, out _);
        return Task.FromResult<DeleteConversationResult>(store.Conversations.TryRemove(conversationId, out _));
    }

    public override Task<UpdateConversationResult> UpdateConversation(string conversationId, UpdateConversationRequest body, CancellationToken cancellationToken)
    {
        if (body.Title.Length > MaxTitleLength)
        {
            return Task.FromResult(UpdateConversationResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "title", $"title must be at most {MaxTitleLength} characters")));
        }
        if (!store.Conversations.TryGetValue(conversationId, out var info))
        {
            return Task.FromResult<UpdateConversationResult>(false);
        }
        store.Conversations[conversationId] = info with { Title = body.Title, LastUpdatedAt = DateTimeOffset.UtcNow };
        return Task.FromResult<UpdateConversationResult>(true);
    }

    public override Task<GetRemoteRuntimeConfigResult> GetRemoteRuntimeConfig(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<GetRemoteRuntimeConfigResult>(OpenHandsStore.Json(new JsonObject { ["runtime_id"] = "rt-" + conversationId, ["session_id"] = conversationId }));

    public override Task<SearchEventsResult> SearchEvents(string conversationId, long? startId, long? endId, bool? reverse, long? limit, EventFilter? body, CancellationToken cancellationToken)
    {
        var events = Enumerable.Range(0, 5)
            .Select(i => (id: i, source: i % 2 == 0 ? "user" : "agent", message: $"event {i}"))
            .Where(e => (startId is null || e.id >= startId) && (endId is null || e.id <= endId))
            .Where(e => body?.Source is null || e.source == body.Source)
            .ToList();
        if (reverse == true)
        {
            events.Reverse();
        }
        var page = events.Take((int)(limit ?? 20)).ToList();
        return Task.FromResult<SearchEventsResult>(OpenHandsStore.Json(new JsonObject
        {
            ["events"] = new JsonArray(page.Select(e => (JsonNode)new JsonObject { ["id"] = e.id, ["source"] = e.source, ["message"] = e.message }).ToArray()),
            ["has_more"] = page.Count < events.Count,
        }));
    }

    public override Task<AddEventResult> AddEvent(string conversationId, CancellationToken cancellationToken)
    {
        var count = store.Events.AddOrUpdate(conversationId, _ => OpenHandsStore.Json(1), (_, n) => OpenHandsStore.Json(n.GetInt32() + 1));
        return Task.FromResult<AddEventResult>(OpenHandsStore.Json(new JsonObject { ["success"] = true, ["events"] = count.GetInt32() }));
    }

    public override Task<GitChangesResult> GitChanges(string conversationId, CancellationToken cancellationToken)
    {
        if (!store.Workspaces.TryGetValue(conversationId, out var files))
        {
            return Task.FromResult(GitChangesResult.NotFound(OpenHandsStore.Detail("conversation not found")));
        }
        IReadOnlyList<IReadOnlyDictionary<string, string>> changes = files.Keys.Order(StringComparer.Ordinal)
            .Select(name => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["status"] = "A", ["path"] = name })
            .ToList();
        return Task.FromResult(GitChangesResult.Ok(changes));
    }

    public override Task<GitDiffResult> GitDiff(string conversationId, string path, CancellationToken cancellationToken)
    {
        var modified = store.Workspaces.TryGetValue(conversationId, out var files) && files.TryGetValue(path, out var bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : "";
        return Task.FromResult(GitDiffResult.Ok(new Dictionary<string, JsonElement>
        {
            ["original"] = OpenHandsStore.Json(""),
            ["modified"] = OpenHandsStore.Json(modified),
        }));
    }

    public override Task<ListFilesResult> ListFiles(string conversationId, string? path, CancellationToken cancellationToken)
    {
        if (!store.Workspaces.TryGetValue(conversationId, out var files))
        {
            return Task.FromResult(ListFilesResult.NotFound(OpenHandsStore.Detail("conversation not found")));
        }
        IReadOnlyList<string> names = files.Keys
            .Where(n => path is null || n.StartsWith(path, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(ListFilesResult.Ok(names));
    }

    public override Task<GetMicroagentsResult> GetMicroagents(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<GetMicroagentsResult>(OpenHandsStore.Json(new JsonObject
        {
            ["microagents"] = new JsonArray(new JsonObject { ["name"] = "repo", ["type"] = "repo", ["content"] = "Be nice.", ["triggers"] = new JsonArray() }),
        }));

    public override Task<GetPromptResult> GetPrompt(string conversationId, long eventId, CancellationToken cancellationToken) =>
        Task.FromResult<GetPromptResult>(OpenHandsStore.Json(new JsonObject { ["status"] = "success", ["prompt"] = $"Remember event {eventId} of {conversationId}" }));

    public override Task<SelectFileResult> SelectFile(string conversationId, string file, CancellationToken cancellationToken)
    {
        if (!store.Workspaces.TryGetValue(conversationId, out var files) || !files.TryGetValue(file, out var bytes))
        {
            return Task.FromResult(SelectFileResult.InternalServerError(OpenHandsStore.Detail($"Error opening file {file}")));
        }
        IReadOnlyDictionary<string, string> code = new Dictionary<string, string> { ["code"] = System.Text.Encoding.UTF8.GetString(bytes) };
        return Task.FromResult(SelectFileResult.Ok(code));
    }

    public override Task<StartConversationResult> StartConversation(string conversationId, ProvidersSetModel body, CancellationToken cancellationToken)
    {
        if (store.Conversations.TryGetValue(conversationId, out var info))
        {
            store.Conversations[conversationId] = info with { Status = ConversationStatus.Running, RuntimeStatus = RuntimeStatus.StatusReady };
        }
        var providers = string.Join(",", (body.ProvidersSet ?? []).Select(p => p.Value));
        return Task.FromResult<StartConversationResult>(new ConversationResponse
        {
            Status = "ok",
            ConversationId = conversationId,
            ConversationStatus = ConversationStatus.Running,
            Message = $"started with providers [{providers}]",
        });
    }

    public override Task<StopConversationResult> StopConversation(string conversationId, CancellationToken cancellationToken)
    {
        if (store.Conversations.TryGetValue(conversationId, out var info))
        {
            store.Conversations[conversationId] = info with { Status = ConversationStatus.Stopped, RuntimeStatus = RuntimeStatus.StatusStopped };
        }
        return Task.FromResult<StopConversationResult>(new ConversationResponse
        {
            Status = "ok",
            ConversationId = conversationId,
            ConversationStatus = ConversationStatus.Stopped,
        });
    }

    public override Task<SubmitFeedbackResult> SubmitFeedback(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<SubmitFeedbackResult>(OpenHandsStore.Json(new JsonObject { ["status"] = "ok", ["feedback_id"] = "fb-" + conversationId }));

    public override Task<GetTrajectoryResult> GetTrajectory(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<GetTrajectoryResult>(OpenHandsStore.Json(new JsonObject
        {
            ["trajectory"] = new JsonArray(new JsonObject { ["id"] = 0, ["action"] = "message" }, new JsonObject { ["id"] = 1, ["action"] = "run" }),
        }));

    // multipart/form-data: the generator flattens Body_upload_files_… into its one field, `files` (array of binary).
    public override async Task<UploadFilesResult> UploadFiles(string conversationId, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        if (!store.Workspaces.TryGetValue(conversationId, out var workspace))
        {
            return UploadFilesResult.UnprocessableEntity(OpenHandsStore.Invalid("path", "conversation_id", "unknown conversation"));
        }
        var uploaded = new List<string>();
        var skipped = new List<string>();
        foreach (var file in files)
        {
            store.Uploads.Enqueue($"{conversationId}|{file.FileName}|{file.Length}|{file.ContentType}");
            if (file.Length == 0)
            {
                skipped.Add(file.FileName);
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            workspace[file.FileName] = buffer.ToArray();
            uploaded.Add("/workspace/" + file.FileName);
        }
        return new POSTUploadFilesModel { FileUrls = uploaded, SkippedFiles = skipped };
    }

    // The spec documents the 200 of zip-directory as application/json with an empty schema (FastAPI's FileResponse,
    // mis-documented), so the generated result only admits a JsonElement: the archive is sent as a JSON object that
    // carries the real ZIP bytes in base64 (see the report; a binary response cannot be produced through the result type).
    public override Task<ZipCurrentWorkspaceResult> ZipCurrentWorkspace(string conversationId, CancellationToken cancellationToken)
    {
        if (!store.Workspaces.TryGetValue(conversationId, out var files))
        {
            return Task.FromResult(ZipCurrentWorkspaceResult.InternalServerError(OpenHandsStore.Detail("conversation not found")));
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        return Task.FromResult<ZipCurrentWorkspaceResult>(OpenHandsStore.Json(new JsonObject
        {
            ["file_name"] = "workspace.zip",
            ["media_type"] = "application/zip",
            ["content_base64"] = Convert.ToBase64String(buffer.ToArray()),
        }));
    }
}

public sealed class OptionsController : OptionsControllerBase
{
    public override Task<GetLitellmModelsResult> GetLitellmModels(CancellationToken cancellationToken) =>
        Task.FromResult(GetLitellmModelsResult.Ok(["anthropic/claude-sonnet-4-20250514", "openai/gpt-4o", "openhands/devstral-small"]));

    public override Task<GetAgentsResult> GetAgents(CancellationToken cancellationToken) =>
        Task.FromResult(GetAgentsResult.Ok(["CodeActAgent", "BrowsingAgent"]));

    public override Task<GetSecurityAnalyzersResult> GetSecurityAnalyzers(CancellationToken cancellationToken) =>
        Task.FromResult(GetSecurityAnalyzersResult.Ok(["invariant", "llm"]));

    public override Task<GetConfigResult> GetConfig(CancellationToken cancellationToken) =>
        Task.FromResult(GetConfigResult.Ok(new Dictionary<string, JsonElement>
        {
            ["APP_MODE"] = OpenHandsStore.Json("oss"),
            ["FEATURE_FLAGS"] = OpenHandsStore.Json(new JsonObject { ["ENABLE_BILLING"] = false }),
            ["MAX_ITERATIONS"] = OpenHandsStore.Json(250),
        }));
}

public sealed class SettingsController(OpenHandsStore store) : SettingsControllerBase
{
    public override Task<LoadSettingsResult> LoadSettings(CancellationToken cancellationToken)
    {
        if (store.Settings is not { } settings)
        {
            return Task.FromResult(LoadSettingsResult.NotFound(OpenHandsStore.Detail("Settings not found")));
        }
        // Settings and GETSettingsModel share their fields; the API key is masked and reported as *_set, like OpenHands.
        var node = OpenHandsStore.ToNode(settings);
        node.Remove("secrets_store");
        node.Remove("llm_api_key");
        node.Remove("search_api_key");
        node["llm_api_key_set"] = settings.LlmApiKey is not null;
        node["search_api_key_set"] = settings.SearchApiKey is not null;
        node["provider_tokens_set"] = new JsonObject(store.ProviderTokens.Keys.Order(StringComparer.Ordinal)
            .Select(k => KeyValuePair.Create(k, (JsonNode?)store.ProviderTokens[k].Host)));
        return Task.FromResult<LoadSettingsResult>(OpenHandsStore.FromNode<GETSettingsModel>(node));
    }

    public override Task<StoreSettingsResult> StoreSettings(Settings body, CancellationToken cancellationToken)
    {
        if (body.MaxIterations is < 1)
        {
            return Task.FromResult(StoreSettingsResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "max_iterations", "must be positive")));
        }
        store.Settings = body;
        return Task.FromResult(StoreSettingsResult.Ok(new Dictionary<string, JsonElement> { ["message"] = OpenHandsStore.Json("Settings stored") }));
    }
}

public sealed class ResetSettingsController : ResetSettingsControllerBase
{
    public override Task<ResetSettingsResult> ResetSettings(CancellationToken cancellationToken) =>
        Task.FromResult(ResetSettingsResult.Gone(OpenHandsStore.Detail("Reset settings functionality has been removed.")));
}

public sealed class AddGitProvidersController(OpenHandsStore store) : AddGitProvidersControllerBase
{
    public override Task<StoreProviderTokensResult> StoreProviderTokens(POSTProviderModel body, CancellationToken cancellationToken)
    {
        foreach (var (provider, token) in body.ProviderTokens ?? new Dictionary<string, ProviderToken>())
        {
            if (provider is not ("github" or "gitlab" or "bitbucket" or "enterprise_sso"))
            {
                return Task.FromResult(StoreProviderTokensResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "provider_tokens", $"unknown provider {provider}")));
            }
            store.ProviderTokens[provider] = token;
        }
        return Task.FromResult<StoreProviderTokensResult>(OpenHandsStore.Json(new JsonObject { ["message"] = "Git providers stored", ["count"] = store.ProviderTokens.Count }));
    }
}

public sealed class UnsetProviderTokensController(OpenHandsStore store) : UnsetProviderTokensControllerBase
{
    public override Task<UnsetProviderTokensResult> UnsetProviderTokens(CancellationToken cancellationToken)
    {
        var removed = store.ProviderTokens.Count;
        store.ProviderTokens.Clear();
        return Task.FromResult(UnsetProviderTokensResult.Ok(new Dictionary<string, string> { ["message"] = $"Unset {removed} provider tokens" }));
    }
}

public sealed class SecretsController(OpenHandsStore store) : SecretsControllerBase
{
    public override Task<LoadCustomSecretsNamesResult> LoadCustomSecretsNames(CancellationToken cancellationToken) =>
        Task.FromResult<LoadCustomSecretsNamesResult>(new GETCustomSecrets
        {
            CustomSecrets = store.Secrets.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new CustomSecretWithoutValueModel { Name = s.Key, Description = s.Value.Description })
                .ToList(),
        });

    public override Task<CreateCustomSecretResult> CreateCustomSecret(CustomSecretModel body, CancellationToken cancellationToken)
    {
        // `value` is required but writeOnly in the spec; the generator may type it as optional, so check it here.
        if (body.Value is not { } value)
        {
            return Task.FromResult(CreateCustomSecretResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "value", "Field required")));
        }
        if (!store.Secrets.TryAdd(body.Name, (body.Description, value)))
        {
            return Task.FromResult(CreateCustomSecretResult.UnprocessableEntity(OpenHandsStore.Invalid("body", "name", $"Secret {body.Name} already exists")));
        }
        return Task.FromResult(CreateCustomSecretResult.Ok(new Dictionary<string, string> { ["message"] = "Secret created successfully" }));
    }

    public override Task<UpdateCustomSecretResult> UpdateCustomSecret(string secretId, CustomSecretWithoutValueModel body, CancellationToken cancellationToken)
    {
        if (!store.Secrets.TryRemove(secretId, out var existing))
        {
            return Task.FromResult(UpdateCustomSecretResult.UnprocessableEntity(OpenHandsStore.Invalid("path", "secret_id", $"Secret {secretId} not found")));
        }
        store.Secrets[body.Name] = (body.Description, existing.Value);
        return Task.FromResult(UpdateCustomSecretResult.Ok(new Dictionary<string, string> { ["message"] = "Secret updated successfully" }));
    }

    public override Task<DeleteCustomSecretResult> DeleteCustomSecret(string secretId, CancellationToken cancellationToken) =>
        Task.FromResult(store.Secrets.TryRemove(secretId, out _)
            ? DeleteCustomSecretResult.Ok(OpenHandsStore.Json(new JsonObject { ["message"] = "Secret deleted" }))
            : DeleteCustomSecretResult.UnprocessableEntity(OpenHandsStore.Invalid("path", "secret_id", $"Secret {secretId} not found")));
}

public sealed class UserController : UserControllerBase
{
    private static readonly Repository[] Repositories =
    [
        new() { Id = "1", FullName = "octo/hello", GitProvider = ProviderType.Github, IsPublic = true, StargazersCount = 42, OwnerType = OwnerType.User, MainBranch = "main" },
        new() { Id = "2", FullName = "octo/world", GitProvider = ProviderType.Github, IsPublic = false, StargazersCount = 7, OwnerType = OwnerType.Organization, MainBranch = "trunk" },
        new() { Id = "3", FullName = "lab/tools", GitProvider = ProviderType.Gitlab, IsPublic = true, StargazersCount = 1 },
    ];

    public override Task<GetUserResult> GetUser(CancellationToken cancellationToken) =>
        Task.FromResult<GetUserResult>(new User { Id = "1001", Login = "octocat", AvatarUrl = "https://example.test/octocat.png", Name = "Octo Cat", Email = "octo@example.test" });

    public override Task<GetUserInstallationsResult> GetUserInstallations(ProviderType provider, CancellationToken cancellationToken) =>
        Task.FromResult(provider.IsKnown
            ? GetUserInstallationsResult.Ok([$"{provider.Value}-installation-1", $"{provider.Value}-installation-2"])
            : GetUserInstallationsResult.UnprocessableEntity(OpenHandsStore.Invalid("query", "provider", $"unknown provider {provider.Value}")));

    public override Task<GetUserRepositoriesResult> GetUserRepositories(string? sort, ProviderType? selectedProvider, long? page, long? perPage, string? installationId, CancellationToken cancellationToken)
    {
        var matches = Repositories.Where(r => selectedProvider is null || r.GitProvider == selectedProvider);
        matches = sort == "stars" ? matches.OrderByDescending(r => r.StargazersCount) : matches.OrderBy(r => r.FullName, StringComparer.Ordinal);
        var size = (int)(perPage ?? 30);
        IReadOnlyList<Repository> result = matches.Skip((int)((page ?? 1) - 1) * size).Take(size).ToList();
        return Task.FromResult(GetUserRepositoriesResult.Ok(result));
    }

    public override Task<GetRepositoryBranchesResult> GetRepositoryBranches(string repository, CancellationToken cancellationToken) =>
        Task.FromResult(GetRepositoryBranchesResult.Ok(
        [
            new Branch { Name = "main", CommitSha = "0123456789abcdef", Protected = true, LastPushDate = "2025-01-01T00:00:00Z" },
            new Branch { Name = "feature/" + repository.Replace('/', '-'), CommitSha = "fedcba9876543210", Protected = false },
        ]));

    public override Task<GetRepositoryMicroagentsResult> GetRepositoryMicroagents(string repositoryName, CancellationToken cancellationToken) =>
        Task.FromResult(GetRepositoryMicroagentsResult.Ok(
        [
            new MicroagentResponse { Name = "docker", Path = ".openhands/microagents/docker.md", CreatedAt = new DateTimeOffset(2025, 2, 3, 4, 5, 6, TimeSpan.Zero) },
        ]));

    public override Task<GetRepositoryMicroagentContentResult> GetRepositoryMicroagentContent(string repositoryName, string filePath, CancellationToken cancellationToken) =>
        Task.FromResult<GetRepositoryMicroagentContentResult>(new MicroagentContentResponse
        {
            Content = $"# {repositoryName}:{filePath}",
            Path = filePath,
            Triggers = ["docker", "container"],
            GitProvider = "github",
        });

    public override Task<SearchRepositoriesResult> SearchRepositories(string query, long? perPage, string? sort, string? order, ProviderType? selectedProvider, CancellationToken cancellationToken)
    {
        IReadOnlyList<Repository> result = Repositories
            .Where(r => r.FullName.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Where(r => selectedProvider is null || r.GitProvider == selectedProvider)
            .Take((int)(perPage ?? 5))
            .ToList();
        return Task.FromResult(SearchRepositoriesResult.Ok(result));
    }

    public override Task<GetSuggestedTasksResult> GetSuggestedTasks(CancellationToken cancellationToken) =>
        Task.FromResult(GetSuggestedTasksResult.Ok(
        [
            new SuggestedTask { GitProvider = ProviderType.Github, TaskType = TaskType.FailingChecks, Repo = "octo/hello", IssueNumber = 12, Title = "Fix CI" },
        ]));
}

public sealed class HealthController : HealthControllerBase
{
    public override Task<HealthResult> Health(CancellationToken cancellationToken) => Task.FromResult<HealthResult>("OK");
}

public sealed class AliveController : AliveControllerBase
{
    public override Task<AliveResult> Alive(CancellationToken cancellationToken) =>
        Task.FromResult<AliveResult>(OpenHandsStore.Json(new JsonObject { ["status"] = "ok" }));
}
