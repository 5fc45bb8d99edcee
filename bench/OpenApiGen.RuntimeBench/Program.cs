using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

BenchmarkSwitcher.FromTypes([typeof(ClientBenchmarks), typeof(StripeSerializationBenchmarks)]).Run(args);

/// <summary>
/// GET /api/conversations (a result set of 20 conversations) and the seed DELETE, each through: the OpenApiGen client,
/// NSwag 14.8's client (System.Text.Json flavour, compiled at setup and called through a cached MethodInfo), and a
/// hand-written HttpClient + System.Text.Json source-generated baseline.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class ClientBenchmarks
{
    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private Bench.OpenHands.OpenHandsClient _generated = null!;
    private object _nswag = null!;
    private MethodInfo _nswagSearch = null!;
    private MethodInfo _nswagDelete = null!;
    private object?[] _nswagSearchArgs = null!;
    private readonly object?[] _nswagDeleteArgs = { "conv-1", CancellationToken.None };

    [GlobalSetup]
    public void Setup()
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(Payload.ResultSet(20), HandWrittenContext.Default.ResultSet);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/api/conversations", (HttpContext c) => Results.Bytes(payload, "application/json"));
        _server.MapDelete("/api/conversations/{id}", () => Results.Bytes("true"u8.ToArray(), "application/json"));
        _server.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_server.Urls.First() + "/");

        _http = new HttpClient { BaseAddress = address };
        _generated = new Bench.OpenHands.OpenHandsClient(_http, new Bench.OpenHands.OpenHandsClientOptions { BaseAddress = address });
        (_nswag, _nswagSearch, _nswagDelete) = NSwagClient.Create(address.ToString(), _http);
        _nswagSearchArgs = _nswagSearch.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None : null).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.StopAsync().GetAwaiter().GetResult();
        _http.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GET /api/conversations")]
    public async Task<int> Search_HandWritten()
    {
        using var response = await _http.GetAsync("api/conversations", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var set = await JsonSerializer.DeserializeAsync(stream, HandWrittenContext.Default.ResultSet);
        return set!.Results.Count;
    }

    [Benchmark]
    [BenchmarkCategory("GET /api/conversations")]
    public async Task<int> Search_OpenApiGen() => (await _generated.Conversations.SearchConversationsAsync()).Results!.Count;

    [Benchmark]
    [BenchmarkCategory("GET /api/conversations")]
    public async Task<object?> Search_NSwag()
    {
        var task = (Task)_nswagSearch.Invoke(_nswag, _nswagSearchArgs)!;
        await task;
        return task;
    }

    [Benchmark]
    [BenchmarkCategory("DELETE /api/conversations/{id}")]
    public async Task<bool> Delete_HandWritten()
    {
        using var response = await _http.DeleteAsync("api/conversations/conv-1");
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync(stream, HandWrittenContext.Default.Boolean);
    }

    [Benchmark]
    [BenchmarkCategory("DELETE /api/conversations/{id}")]
    public Task<bool> Delete_OpenApiGen() => _generated.Conversations.DeleteConversationAsync("conv-1");

    [Benchmark]
    [BenchmarkCategory("DELETE /api/conversations/{id}")]
    public async Task<object?> Delete_NSwag()
    {
        var task = (Task)_nswagDelete.Invoke(_nswag, _nswagDeleteArgs)!;
        await task;
        return task;
    }
}

public sealed class InProcessConfig : ManualConfig
{
    public InProcessConfig()
    {
        // 15 iterations: loopback HTTP on a shared 2-core machine is noisy; allocations are exact either way.
        AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>NSwag's client for the same spec, generated and compiled in memory.</summary>
public static class NSwagClient
{
    private static readonly Lazy<Type> ClientType = new(Compile);

    public static (object Client, MethodInfo Search, MethodInfo Delete) Create(string baseUrl, HttpClient http)
    {
        var type = ClientType.Value;
        // NSwag's constructor shape depends on its settings: (string, HttpClient) or (HttpClient) with a BaseUrl property.
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var client = ctor.GetParameters().Length == 2 ? ctor.Invoke([baseUrl, http]) : ctor.Invoke([http]);
        type.GetProperty("BaseUrl")?.SetValue(client, baseUrl);
        MethodInfo Find(string operationPrefix) => type.GetMethods()
            .Where(m => m.Name.StartsWith(operationPrefix, StringComparison.OrdinalIgnoreCase) && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .OrderByDescending(m => m.GetParameters().Length).First();
        return (client, Find("Search_conversations"), Find("Delete_conversation"));
    }

    private static Type Compile()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openhands.json"));
        var document = NSwag.OpenApiDocument.FromJsonAsync(spec).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "NSwagOpenHandsClient",
            UseBaseUrl = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Bench.NSwag";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("NSwagBench", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success) throw new InvalidOperationException("NSwag's client does not compile: " + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        stream.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(stream).GetType("Bench.NSwag.NSwagOpenHandsClient")!;
    }
}

/// <summary>The practical floor: hand-written types with System.Text.Json's source generator.</summary>
public sealed record ConversationDto(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("last_updated_at")] DateTimeOffset? LastUpdatedAt,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("runtime_status")] string? RuntimeStatus,
    [property: JsonPropertyName("selected_repository")] string? SelectedRepository,
    [property: JsonPropertyName("selected_branch")] string? SelectedBranch,
    [property: JsonPropertyName("git_provider")] string? GitProvider,
    [property: JsonPropertyName("trigger")] string? Trigger,
    [property: JsonPropertyName("num_connections")] int NumConnections,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("session_api_key")] string? SessionApiKey,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("pr_number")] List<int> PrNumber);

public sealed record ResultSet(
    [property: JsonPropertyName("results")] List<ConversationDto> Results,
    [property: JsonPropertyName("next_page_id")] string? NextPageId);

[JsonSerializable(typeof(ResultSet))]
[JsonSerializable(typeof(bool))]
public sealed partial class HandWrittenContext : JsonSerializerContext;

public static class Payload
{
    public static ResultSet ResultSet(int count) => new(
        Enumerable.Range(0, count).Select(i => new ConversationDto(
            // The anyOf [X, null] fields are null: NSwag turns each into an empty class and then cannot read a real value
            // (JsonException on last_updated_at), so all three clients read the payload NSwag can read.
            "conv-" + i, "Conversation " + i, null, "RUNNING", null, null, null,
            null, null, i % 3, null, null, DateTimeOffset.UnixEpoch.AddDays(i), [i, i + 1])).ToList(),
        null);
}
