using System.Globalization;
using System.Reflection;
using System.Text;
using Xunit.Abstractions;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Issue 9 B.2: the generated OpenHands server (controllers of the end-to-end tests' in-memory implementation,
/// tests/OpenApiGen.EndToEndTests/OpenHandsConsumerApp/Controllers.cs) on Kestrel, behind `prism proxy`, which validates
/// every upstream response against openhands.json. The generated client drives every operation through it, with sampled
/// (valid) arguments and credentials, and again without credentials (invalid input). Prism must find no response violation.
/// </summary>
public class PrismServerCheckTests(ITestOutputHelper output)
{
    private const string ApiKey = "prism-apikeyheader";

    /// <summary>Controllers.cs is written for an Sdk.Web project: these are that SDK's implicit usings.</summary>
    private const string WebSdkUsings = """
    global using System;
    global using System.Collections.Generic;
    global using System.IO;
    global using System.Linq;
    global using System.Net.Http;
    global using System.Threading;
    global using System.Threading.Tasks;
    global using Microsoft.AspNetCore.Builder;
    global using Microsoft.AspNetCore.Hosting;
    global using Microsoft.AspNetCore.Http;
    global using Microsoft.AspNetCore.Routing;
    global using Microsoft.Extensions.Configuration;
    global using Microsoft.Extensions.DependencyInjection;
    global using Microsoft.Extensions.Hosting;
    global using Microsoft.Extensions.Logging;
    """;

    /// <summary>The upstream host: the in-memory controllers, the generated security handler, a free port on 127.0.0.1.</summary>
    private const string Host = """
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using OpenHands.Api;

    public sealed class PrismUpstream : System.IAsyncDisposable
    {
        private readonly WebApplication _app;

        private PrismUpstream(WebApplication app) => _app = app;

        public string Url => System.Linq.Enumerable.First(_app.Urls);

        public static async System.Threading.Tasks.Task<PrismUpstream> StartAsync(string apiKey)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton<OpenHandsStore>();
            builder.Services.AddControllers().AddApplicationPart(typeof(PrismUpstream).Assembly);
            builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(apiKey));
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapControllers();
            await app.StartAsync();
            return new PrismUpstream(app);
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => _app.DisposeAsync();
    }
    """;

    [PrismFact]
    public async Task Generated_openhands_server_answers_every_operation_as_its_spec_says()
    {
        var specPath = Path.Combine(TestPaths.SharedSpecs, "openhands.json");
        var controllers = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "OpenApiGen.EndToEndTests", "OpenHandsConsumerApp", "Controllers.cs"));
        using var generated = GeneratedClient.Create(specPath, "OpenHands.Api", "Client;Server;Models", WebSdkUsings, controllers, Host);
        var samples = await OperationSamples.CreateAsync(specPath);
        var operations = generated.Spec.Groups.SelectMany(g => g.Operations.Select(o => (g, o)))
            .OrderBy(x => x.o.Method + " " + x.o.Path, StringComparer.Ordinal).ToList();

        await using var upstream = await StartUpstreamAsync(generated.Assembly);
        var upstreamUrl = new Uri((string)upstream.GetType().GetProperty("Url")!.GetValue(upstream)!);
        var outcomes = new List<CallOutcome>();
        foreach (var withCredentials in new[] { true, false })
        {
            await using var sweep = new ClientSweep(generated, samples, () => PrismServer.ProxyAsync(specPath, upstreamUrl, TimeSpan.FromMinutes(1), errors: false), withCredentials);
            outcomes.AddRange((await sweep.RunAsync(operations)).Select(o => o with { Mode = withCredentials ? "valid" : "no credentials" }));
        }

        var violations = outcomes.Where(o => o.ResponseViolations is not null).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server check: {operations.Count} operations, {outcomes.Count} calls through prism proxy, {outcomes.Count(o => o.Accepted)} requests valid, {outcomes.Count(o => o.Read)} responses read, {violations.Count} calls with response violations"));
        var listing = new StringBuilder();
        foreach (var group in violations.GroupBy(v => (v.Operation, v.Mode, v.ResponseViolations)).OrderBy(g => g.Key.Operation, StringComparer.Ordinal))
        {
            listing.Append("- ").Append(group.Key.Operation).Append(" [").Append(group.Key.Mode).Append(" ×").Append(group.Count()).Append("] ").AppendLine(group.Key.ResponseViolations);
        }
        foreach (var failure in outcomes.Where(o => o.Failure is not null).GroupBy(o => (o.Operation, o.Mode, o.Failure)))
        {
            output.WriteLine("  (client) " + failure.Key.Operation + " [" + failure.Key.Mode + " ×" + failure.Count() + "] " + failure.Key.Failure);
        }
        output.WriteLine(listing.ToString());

        Assert.True(violations.Count == 0, violations.Count + " responses of the generated server break openhands.json:\n" + listing);
    }

    private static async Task<IAsyncDisposable> StartUpstreamAsync(Assembly assembly)
    {
        var start = assembly.GetType("PrismUpstream")!.GetMethod("StartAsync")!;
        var task = (Task)start.Invoke(null, [ApiKey])!;
        await task;
        return (IAsyncDisposable)task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}

/// <summary>Runs only where the shared specs and the npm-installed Prism are present.</summary>
public sealed class PrismFactAttribute : FactAttribute
{
    public PrismFactAttribute()
    {
        if (!Directory.Exists(TestPaths.SharedSpecs)) Skip = "../shared/specs is absent: the Prism check cannot run here.";
        else if (!PrismServer.IsInstalled) Skip = "Prism is not installed in tests/prism/node_modules: run `dotnet cake --target=PrismInstall`.";
    }
}
