using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// The whole OpenHands spec (../shared/specs/openhands.json, 43 operations) through the packed package: every generated
/// controller base implemented over an in-memory store (OpenHandsConsumerApp/Controllers.cs), every operation driven
/// through the generated client (OpenHandsConsumerApp/Program.cs) over real HTTP on 127.0.0.1, then checked here
/// result by result and again with plain HttpClient requests.
/// </summary>
public sealed class OpenHandsEndToEndTests(OpenHandsConsumerFixture fixture, ITestOutputHelper output)
    : OpenHandsEndToEndTestsBase<OpenHandsConsumerFixture>(fixture, output), IClassFixture<OpenHandsConsumerFixture>
{
    protected override string ServerBaseSuffix => "ControllerBase";
}

/// <summary>
/// The same contract served by the generated minimal-API endpoints (issue 12): the same handler classes derive from
/// the handler bases, the host is WebApplication.CreateSlimBuilder without MVC, and every assertion is the same.
/// </summary>
public sealed class MinimalApiEndToEndTests(MinimalApiConsumerFixture fixture, ITestOutputHelper output)
    : OpenHandsEndToEndTestsBase<MinimalApiConsumerFixture>(fixture, output), IClassFixture<MinimalApiConsumerFixture>
{
    protected override string ServerBaseSuffix => "HandlerBase";

    /// <summary>
    /// The app's own OpenAPI document (Microsoft.AspNetCore.OpenApi, from the endpoints' metadata) against the spec. The
    /// differences that remain are listed in OpenApiRoundTrip.baseline.txt, each with its cause; a new one fails.
    /// </summary>
    [OpenHandsFact]
    public async Task The_apps_own_OpenAPI_document_describes_the_spec()
    {
        fixture.EnsureReady(output);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /openapi/v1.json -> {(int)response.StatusCode}; the app said:{Environment.NewLine}{fixture.ConsumerOutput[Math.Max(0, fixture.ConsumerOutput.Length - 6000)..]}");
        using var produced = JsonDocument.Parse(text);
        using var spec = JsonDocument.Parse(File.ReadAllText(RepoLayout.OpenHandsSpec));
        var differences = OpenApiDocumentComparison.Compare(spec.RootElement, produced.RootElement);
        output.WriteLine($"{differences.Count} differences between the app's OpenAPI document and the spec:");
        foreach (var difference in differences) output.WriteLine("  " + difference);

        var baseline = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "OpenApiRoundTrip.baseline.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in baseline.Except(differences).Order(StringComparer.Ordinal)) output.WriteLine("no longer differs (remove from the baseline): " + gone);
        var added = differences.Where(d => !baseline.Contains(d)).ToList();
        Assert.True(added.Count == 0, "New differences between the app's OpenAPI document and the spec:" + Environment.NewLine + string.Join(Environment.NewLine, added));
    }
}

public abstract class OpenHandsEndToEndTestsBase<TFixture>(TFixture fixture, ITestOutputHelper output)
    where TFixture : PackedConsumerFixtureBase
{
    private const string ApiKeyHeader = "X-Session-API-Key";

    /// <summary>The generated server base each group's handler class derives from: {Group}ControllerBase or {Group}HandlerBase.</summary>
    protected abstract string ServerBaseSuffix { get; }

    [OpenHandsFact]
    public void Consumer_of_the_whole_spec_builds_cleanly_against_the_package()
    {
        fixture.EnsureReady(output);
        var build = fixture.Build!;

        Assert.Equal(0, build.ExitCode);
        var lines = build.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var errorLines = lines.Where(l => ConsumerOutput.ErrorWord().IsMatch(l) || ConsumerOutput.OagError().IsMatch(l)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(errorLines.Count == 0, "The consumer build reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errorLines));
        foreach (var warning in lines.Where(l => l.Contains("warning OAG", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            output.WriteLine("generator warning: " + warning.Trim());
        }
        // The generated code compiles without compiler warnings (nullable, obsolete, ...).
        var generatedWarnings = lines
            .Where(l => l.Contains(": warning CS", StringComparison.Ordinal) && l.Contains("OpenApiGen.OpenApiGenerator", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(generatedWarnings.Count == 0, "Compiler warnings in generated code:" + Environment.NewLine + string.Join(Environment.NewLine, generatedWarnings));

        // One controller base per group, each of which the consumer derives from.
        var generated = Directory.GetFiles(fixture.GeneratedDirectory, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        string[] groups = ["AddGitProviders", "Alive", "Conversations", "Health", "Options", "ResetSettings", "Secrets", "Settings", "UnsetProviderTokens", "User"];
        foreach (var group in groups)
        {
            Assert.Contains($"OpenHands.Api.{group}{ServerBaseSuffix}.g.cs", generated);
            Assert.Contains($"OpenHands.Api.OpenHandsClient.{group}.g.cs", generated);
        }
        Assert.Contains("OpenHands.Api.OpenHandsSecurity.g.cs", generated);
    }

    [OpenHandsFact]
    public void Generated_client_drives_every_operation_against_the_generated_server()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);

        // Nothing threw unexpectedly along the way.
        AssertResult(results, "step-failures", "0");

        // GET /health and /alive: no security in the spec, so they answer with and without a key.
        AssertResult(results, "health", "OK");
        AssertResult(results, "health-anonymous", "OK");
        AssertResult(results, "wrong-key-health", "OK");
        AssertResult(results, "alive-status", "ok");

        // GET /api/options/*.
        AssertResult(results, "models-count", "3");
        AssertResult(results, "models", "anthropic/claude-sonnet-4-20250514,openai/gpt-4o,openhands/devstral-small");
        AssertResult(results, "agents", "CodeActAgent,BrowsingAgent");
        AssertResult(results, "security-analyzers", "invariant,llm");
        AssertResult(results, "config-app-mode", "oss");
        AssertResult(results, "config-max-iterations", "250");
        AssertResult(results, "config-billing", "False");

        // POST /api/add-git-providers, POST /api/unset-provider-tokens.
        AssertResult(results, "providers-stored-message", "Git providers stored");
        AssertResult(results, "providers-stored-count", "2");
        AssertResult(results, "providers-invalid-status", "422");
        AssertResult(results, "providers-invalid-loc", "body/provider_tokens");
        AssertResult(results, "providers-unset", "Unset 2 provider tokens");

        // GET/POST /api/settings: 404 before anything is stored, then the round trip, field by field.
        AssertResult(results, "settings-before-status", "404");
        AssertResult(results, "settings-before-error", "Settings not found");
        AssertResult(results, "settings-store-message", "Settings stored");
        AssertResult(results, "settings-fields-compared", "21");
        AssertResult(results, "settings-differences", "none");
        AssertResult(results, "settings-record-equal", "True");
        AssertResult(results, "settings-llm-api-key", "<null>");
        AssertResult(results, "settings-llm-api-key-set", "True");
        AssertResult(results, "settings-search-api-key-set", "False");
        AssertResult(results, "settings-language", "en");
        AssertResult(results, "settings-max-iterations", "120");
        AssertResult(results, "settings-confirmation-mode", "True");
        AssertResult(results, "settings-max-budget", "12.5");
        AssertResult(results, "settings-mcp-sse-url", "https://mcp.example.test/sse");
        AssertResult(results, "settings-mcp-stdio", "npx -y @modelcontextprotocol/server-filesystem ROOT=/workspace");
        AssertResult(results, "settings-provider-tokens-set", "github:github.com,gitlab:gitlab.example.test");
        AssertResult(results, "settings-invalid-status", "422");
        AssertResult(results, "settings-invalid-loc", "body/max_iterations");
        // POST /api/reset-settings documents 410.
        AssertResult(results, "settings-reset-status", "410");
        AssertResult(results, "settings-reset-error", "Reset settings functionality has been removed.");

        // /api/secrets.
        AssertResult(results, "secret-create", "Secret created successfully");
        AssertResult(results, "secret-duplicate-status", "422");
        AssertResult(results, "secret-duplicate-msg", "Secret DB_PASSWORD already exists");
        AssertResult(results, "secrets-after-create", "DB_PASSWORD:database");
        AssertResult(results, "secret-update", "Secret updated successfully");
        AssertResult(results, "secrets-after-update", "DATABASE_PASSWORD:renamed");
        AssertResult(results, "secret-delete", "Secret deleted");
        AssertResult(results, "secret-delete-again-status", "422");
        AssertResult(results, "secrets-after-delete", "0");

        // /api/user/*: query parameters (open enums included), path parameters, lists of models.
        AssertResult(results, "user", "1001:octocat:octo@example.test");
        AssertResult(results, "installations", "gitlab-installation-1,gitlab-installation-2");
        AssertResult(results, "installations-unknown-status", "422");
        // The generated server checks enum values on input (FastAPI's message), before the controller sees them.
        AssertResult(results, "installations-unknown-msg", "Input should be 'github' or 'gitlab' or 'bitbucket' or 'enterprise_sso'");
        AssertResult(results, "repositories", "octo/hello:42:True:github:user,octo/world:7:False:github:organization");
        AssertResult(results, "repositories-page2", "octo/world");
        AssertResult(results, "repositories-all", "lab/tools,octo/hello,octo/world");
        AssertResult(results, "search-repositories", "octo/hello");
        AssertResult(results, "branches", "main:True,feature/octo-hello:False");
        AssertResult(results, "repository-microagents", "docker@.openhands/microagents/docker.md@2025-02-03T04:05:06.0000000+00:00");
        AssertResult(results, "repository-microagent-content", "# octo-hello:.openhands/microagents/docker.md|.openhands/microagents/docker.md|docker,container|github");
        AssertResult(results, "suggested-tasks", "octo/hello#12:FAILING_CHECKS:github:Fix CI");

        // POST /api/conversations (JSON body).
        AssertResult(results, "created-status", "ok");
        var createdId = Result(results, "created-id");
        Assert.Matches("^conv[0-9]{4}$", createdId);
        AssertResult(results, "created-conversation-status", "STARTING");
        var secondId = Result(results, "second-id");
        AssertResult(results, "third-id", "conv-explicit");
        AssertResult(results, "create-invalid-status", "422");
        AssertResult(results, "create-invalid-loc", "body/repository");
        AssertResult(results, "create-invalid-msg", "repository must be owner/name");

        // GET /api/conversations (query parameters, result set): the created ids are listed, filters and paging work.
        var listed = Result(results, "list-ids").Split(',');
        Assert.Contains(createdId, listed);
        Assert.Contains(secondId, listed);
        AssertResult(results, "list-ids", string.Join(",", new[] { createdId, secondId, "conv-explicit" }.Order(StringComparer.Ordinal)));
        AssertResult(results, "list-next-page", "<null>");
        AssertResult(results, "list-by-repository", createdId);
        AssertResult(results, "list-by-trigger", $"{secondId}:microagent_management");
        AssertResult(results, "page1", string.Join(",", listed.Take(2)));
        AssertResult(results, "page1-next", "2");
        AssertResult(results, "page2", listed[2]);
        AssertResult(results, "page2-next", "<null>");
        AssertResult(results, "list-invalid-limit-status", "422");
        AssertResult(results, "list-invalid-limit-loc", "query/limit");

        // GET/PATCH /api/conversations/{id}: the patched title is visible on the next GET; invalid patches change nothing.
        AssertResult(results, "get-id", createdId);
        AssertResult(results, "get-title", "Conversation: Fix the build");
        AssertResult(results, "get-repository", "octo/hello");
        AssertResult(results, "get-branch", "main");
        AssertResult(results, "get-provider", "github");
        AssertResult(results, "get-trigger", "gui");
        AssertResult(results, "get-status", "STARTING");
        AssertResult(results, "get-runtime-status", "STATUS$STARTING_RUNTIME");
        AssertResult(results, "get-created-recently", "True");
        AssertResult(results, "get-pr-numbers", "0");
        AssertResult(results, "patch", "True");
        AssertResult(results, "get-after-patch-title", "Renamed by the e2e test");
        AssertResult(results, "patch-unknown", "False");
        AssertResult(results, "patch-invalid-status", "422");
        AssertResult(results, "patch-invalid-loc", "body/title");
        AssertResult(results, "get-after-invalid-patch-title", "Renamed by the e2e test");

        // POST …/upload-files (multipart, two files): the server saw both names, sizes and content types, byte for byte.
        AssertResult(results, "upload-file-urls", "/workspace/notes.txt,/workspace/data.bin");
        AssertResult(results, "upload-skipped", "none");
        AssertResult(results, "upload-server-saw", "notes.txt|23|text/plain;data.bin|70000|application/octet-stream");
        AssertResult(results, "upload-stored-bytes-equal", "True");
        AssertResult(results, "list-files", "data.bin,notes.txt");
        AssertResult(results, "list-files-filtered", "notes.txt");
        AssertResult(results, "list-files-unknown-status", "404");
        AssertResult(results, "list-files-unknown-error", "conversation not found");
        AssertResult(results, "select-file", "hello from the e2e test");
        AssertResult(results, "select-file-missing-status", "500");
        AssertResult(results, "select-file-missing-error", "Error opening file nope.txt");
        AssertResult(results, "git-changes", "A:data.bin,A:notes.txt");
        AssertResult(results, "git-diff-modified", "hello from the e2e test");

        // GET …/zip-directory. DEVIATION: the spec documents the 200 as application/json with an empty schema (FastAPI's
        // FileResponse, mis-documented), so the generated client returns a JsonElement and the generated result type
        // admits nothing else; the server sends the real ZIP bytes base64-encoded in a JSON object, and this checks them.
        AssertResult(results, "zip-kind", "Object");
        AssertResult(results, "zip-file-name", "workspace.zip");
        AssertResult(results, "zip-media-type", "application/zip");
        AssertResult(results, "zip-entries", "data.bin:70000,notes.txt:23");
        AssertResult(results, "zip-notes", "hello from the e2e test");

        // The rest of the conversation operations.
        AssertResult(results, "start", "ok:RUNNING:started with providers [github,gitlab]");
        AssertResult(results, "get-after-start-status", "RUNNING");
        AssertResult(results, "events-all", "0,1,2,3,4");
        AssertResult(results, "events-filtered", "3,1"); // GET with a JSON body + query parameters
        AssertResult(results, "events-limited", "1,2 more=True");
        AssertResult(results, "add-event", "1");
        AssertResult(results, "add-event-again", "2");
        AssertResult(results, "microagents", "repo");
        AssertResult(results, "prompt", $"Remember event 7 of {createdId}");
        AssertResult(results, "feedback", $"fb-{createdId}");
        AssertResult(results, "runtime-config", $"rt-{createdId}");
        AssertResult(results, "trajectory-length", "2");
        AssertResult(results, "stop", "ok:STOPPED");
        AssertResult(results, "get-after-stop-status", "STOPPED");

        // Without the API key, or with a wrong one: 401, and the conversation the keyless DELETE aimed at survives.
        AssertResult(results, "no-key-search-status", "401");
        AssertResult(results, "no-key-settings-status", "401");
        AssertResult(results, "no-key-delete-status", "401");
        AssertResult(results, "wrong-key-models-status", "401");
        AssertResult(results, "conversation-survived-no-key-delete", "True");

        // DELETE /api/conversations/{id}: true, then false; gone from the list.
        AssertResult(results, "delete", "True");
        AssertResult(results, "delete-again", "False");
        AssertResult(results, "list-after-delete", string.Join(",", listed.Where(id => id != createdId)));
        // ...and GET of the deleted id: the spec documents no 404, only 200 with anyOf [ConversationInfo, null], so the
        // correct answer is a JSON null and the client returns null.
        AssertResult(results, "get-after-delete", "null");

        // All 43 actions ran at least once (held against the spec itself in the next test).
        AssertResult(results, "operations-invoked", "43");
    }

    [OpenHandsFact]
    public void Every_operation_in_the_spec_reached_its_controller_and_answered_a_documented_status()
    {
        fixture.EnsureReady(output);
        var operations = SpecOperations();
        Assert.Equal(43, operations.Count);

        // What the consumer's client run made the server do, as the consumer listed it just before READY.
        var invoked = fixture.StartupOutput.Where(l => l.StartsWith("INVOKED ", StringComparison.Ordinal)).Select(l => l["INVOKED ".Length..]).ToHashSet(StringComparer.Ordinal);
        var responses = fixture.StartupOutput.Where(l => l.StartsWith("ANSWERED ", StringComparison.Ordinal)).Select(l => l["ANSWERED ".Length..]).ToList();

        var notInvoked = operations.Keys.Where(op => !invoked.Contains(op)).ToList();
        Assert.True(notInvoked.Count == 0, "Operations of the spec that never reached their action: " + string.Join(", ", notInvoked));
        var unknown = invoked.Where(op => !operations.ContainsKey(op)).ToList();
        Assert.True(unknown.Count == 0, "Actions that are not operations of the spec: " + string.Join(", ", unknown));

        // Every status any action answered is one the spec documents for it, or 401 on an operation that needs the key.
        var undocumented = new List<string>();
        foreach (var response in responses.Distinct(StringComparer.Ordinal))
        {
            var split = response.LastIndexOf(' ');
            var op = response[..split];
            var status = response[(split + 1)..];
            output.WriteLine($"served: {response}");
            if (!operations.TryGetValue(op, out var spec))
            {
                undocumented.Add(response + " (not in the spec)");
            }
            else if (!spec.Statuses.Contains(status) && !(status == "401" && spec.Secured))
            {
                undocumented.Add(response);
            }
        }
        Assert.True(undocumented.Count == 0, "Undocumented statuses: " + string.Join(", ", undocumented));
        // The keyless and wrong-key calls of the client run were answered 401 by the generated security handler.
        Assert.Contains("GET /api/conversations 401", responses);
        Assert.Contains("GET /api/settings 401", responses);
        Assert.Contains("DELETE /api/conversations/{conversation_id} 401", responses);
        Assert.Contains("GET /api/options/models 401", responses);
        // ...and the anonymous ones were not.
        Assert.DoesNotContain(responses, r => r.StartsWith("GET /health 4", StringComparison.Ordinal) || r.StartsWith("GET /alive 4", StringComparison.Ordinal));
        // Each operation answered at least one 2xx (reset-settings only documents 200 and 410, and answers 410).
        var without2xx = operations.Keys
            .Where(op => !responses.Any(r => r.StartsWith(op + " 2", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(new[] { "POST /api/reset-settings" }, without2xx);
    }

    [OpenHandsFact]
    public async Task Plain_http_health_is_anonymous_and_the_rest_needs_the_key()
    {
        fixture.EnsureReady(output);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // GET /health has no security in the spec: no key needed, the JSON string "OK".
        using (var response = await SendAsync(http, HttpMethod.Get, "health", key: null))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"GET /health without key -> {(int)response.StatusCode} {response.Content.Headers.ContentType} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("\"OK\"", body.Trim());
        }
        using (var response = await SendAsync(http, HttpMethod.Get, "alive", key: null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("""{"status":"ok"}""", (await response.Content.ReadAsStringAsync()).Trim());
        }

        // Secured operations: 401 without the key, with a wrong key and with an empty one; 200 with it.
        foreach (var (method, path) in new[] { (HttpMethod.Get, "api/conversations"), (HttpMethod.Get, "api/settings"), (HttpMethod.Get, "api/options/models"), (HttpMethod.Post, "api/unset-provider-tokens") })
        {
            foreach (var key in new string?[] { null, "wrong-key", "" })
            {
                using var response = await SendAsync(http, method, path, key);
                output.WriteLine($"{method} /{path} with key {(key is null ? "<none>" : $"'{key}'")} -> {(int)response.StatusCode}");
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }
        using (var response = await SendAsync(http, HttpMethod.Get, "api/options/models", OpenHandsConsumerFixture.ApiKey))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"GET /api/options/models with key -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.GetArrayLength() > 0);
        }
    }

    [OpenHandsFact]
    public async Task Plain_http_conversation_with_multipart_upload_and_zip_download()
    {
        fixture.EnsureReady(output);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var key = OpenHandsConsumerFixture.ApiKey;

        // POST /api/conversations with a snake_case JSON body.
        string id;
        using (var response = await SendAsync(http, HttpMethod.Post, "api/conversations", key, JsonContent("""{"repository":"raw/http","git_provider":"gitlab","initial_user_msg":"raw"}""")))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"POST /api/conversations -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("STARTING", json.RootElement.GetProperty("conversation_status").GetString());
            id = json.RootElement.GetProperty("conversation_id").GetString()!;
        }

        // GET /api/conversations?selected_repository=…&conversation_trigger=gui&limit=5
        using (var response = await SendAsync(http, HttpMethod.Get, "api/conversations?selected_repository=raw%2Fhttp&conversation_trigger=gui&limit=5", key))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"GET /api/conversations?… -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(body);
            var results = json.RootElement.GetProperty("results");
            Assert.Equal(1, results.GetArrayLength());
            Assert.Equal(id, results[0].GetProperty("conversation_id").GetString());
            Assert.Equal("gitlab", results[0].GetProperty("git_provider").GetString());
            Assert.Equal("gui", results[0].GetProperty("trigger").GetString());
        }

        // PATCH, then GET shows the title.
        using (var response = await SendAsync(http, HttpMethod.Patch, $"api/conversations/{id}", key, JsonContent("""{"title":"Raw title"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", (await response.Content.ReadAsStringAsync()).Trim());
        }
        using (var response = await SendAsync(http, HttpMethod.Get, $"api/conversations/{id}", key))
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Raw title", json.RootElement.GetProperty("title").GetString());
        }

        // POST …/upload-files: a hand-made multipart/form-data body with two parts named "files" (what FastAPI expects).
        var first = Encoding.UTF8.GetBytes("first file");
        var second = Enumerable.Range(0, 5000).Select(i => (byte)(i % 256)).ToArray();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(first) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", "first.txt");
            form.Add(new ByteArrayContent(second) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "files", "second.bin");
            using var response = await SendAsync(http, HttpMethod.Post, $"api/conversations/{id}/upload-files", key, form);
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"POST upload-files -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(new string?[] { "/workspace/first.txt", "/workspace/second.bin" }, json.RootElement.GetProperty("file_urls").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(0, json.RootElement.GetProperty("skipped_files").GetArrayLength());
        }
        // The generated action only takes multipart/form-data.
        using (var response = await SendAsync(http, HttpMethod.Post, $"api/conversations/{id}/upload-files", key, JsonContent("""{"files":[]}""")))
        {
            output.WriteLine($"POST upload-files as JSON -> {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
        // ...and needs the key like everything under /api.
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(first), "files", "x.txt" } })
        {
            using var response = await SendAsync(http, HttpMethod.Post, $"api/conversations/{id}/upload-files", null, form);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // GET …/list-files
        using (var response = await SendAsync(http, HttpMethod.Get, $"api/conversations/{id}/list-files", key))
        {
            Assert.Equal("""["first.txt","second.bin"]""", (await response.Content.ReadAsStringAsync()).Trim());
        }

        // GET …/zip-directory: JSON, as the spec documents it (see the deviation note in the client test); the archive
        // inside holds both uploads byte for byte.
        using (var response = await SendAsync(http, HttpMethod.Get, $"api/conversations/{id}/zip-directory", key))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"GET zip-directory -> {(int)response.StatusCode} {response.Content.Headers.ContentType} ({body.Length} chars)");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(json.RootElement.GetProperty("content_base64").GetString()!)), ZipArchiveMode.Read);
            Assert.Equal(new[] { "first.txt", "second.bin" }, zip.Entries.Select(e => e.FullName));
            Assert.Equal(first, ReadAll(zip.GetEntry("first.txt")!));
            Assert.Equal(second, ReadAll(zip.GetEntry("second.bin")!));
        }

        // DELETE: true, then false.
        using (var response = await SendAsync(http, HttpMethod.Delete, $"api/conversations/{id}", key))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", (await response.Content.ReadAsStringAsync()).Trim());
        }
        using (var response = await SendAsync(http, HttpMethod.Delete, $"api/conversations/{id}", key))
        {
            Assert.Equal("false", (await response.Content.ReadAsStringAsync()).Trim());
        }
        // GET of the deleted id: the spec documents 200 with anyOf [ConversationInfo, null], no 404.
        using (var response = await SendAsync(http, HttpMethod.Get, $"api/conversations/{id}", key))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"GET deleted conversation -> {(int)response.StatusCode} {response.Content.Headers.ContentType} '{body}'");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("null", body.Trim());
        }
    }

    /// <summary>"METHOD /path" of every operation in the spec, with its documented statuses and whether it is secured.</summary>
    private static Dictionary<string, (HashSet<string> Statuses, bool Secured)> SpecOperations()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(RepoLayout.OpenHandsSpec));
        var globalSecurity = spec.RootElement.TryGetProperty("security", out var global) && global.GetArrayLength() > 0;
        var operations = new Dictionary<string, (HashSet<string>, bool)>(StringComparer.Ordinal);
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is not ("get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace"))
                {
                    continue;
                }
                var statuses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                var secured = operation.Value.TryGetProperty("security", out var security) ? security.GetArrayLength() > 0 : globalSecurity;
                operations[$"{operation.Name.ToUpperInvariant()} {path.Name}"] = (statuses, secured);
            }
        }
        return operations;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        }
        return await http.SendAsync(request);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private string Result(Dictionary<string, string> results, string name)
    {
        if (!results.TryGetValue(name, out var actual))
        {
            var failures = fixture.StartupOutput.Where(l => l.StartsWith("STEP-FAILED", StringComparison.Ordinal)).ToList();
            Assert.Fail($"The consumer printed no 'RESULT {name}=' line." + (failures.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, failures)));
        }
        return actual;
    }

    private void AssertResult(Dictionary<string, string> results, string name, string expected)
    {
        var actual = Result(results, name);
        output.WriteLine($"RESULT {name}={actual} (expected {expected})");
        Assert.Equal(expected, actual);
    }
}
