using System.Net;
using System.Reflection;

namespace OpenApiGen.Tests;

/// <summary>
/// Generated server and client for a spec with AND/OR security, compiled together with a tiny host and run on
/// Kestrel (127.0.0.1, free port): requirements hold over real HTTP and the client sends exactly what is required.
/// </summary>
public class SecurityHostTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Guard, version: "1" }
    components:
      securitySchemes:
        HeaderKey: { type: apiKey, in: header, name: X-Key }
        QueryKey: { type: apiKey, in: query, name: key }
        Token: { type: http, scheme: bearer }
        Basic: { type: http, scheme: basic }
    security: [ { Token: [] } ]
    paths:
      /and:
        get:
          operationId: both
          security: [ { HeaderKey: [], QueryKey: [] } ]
          responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
      /or:
        get:
          operationId: either
          security: [ { HeaderKey: [] }, { Basic: [] } ]
          responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
      /default:
        get:
          operationId: inherited
          responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
      /open:
        get:
          operationId: anonymous
          security: []
          responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
    """;

    private const string Host = """
    using System.Linq;
    using Microsoft.AspNetCore.Builder;
    using Microsoft.AspNetCore.Hosting;
    using Microsoft.Extensions.DependencyInjection;
    using Microsoft.Extensions.Logging;
    using Guard.Api;

    public sealed class GuardedController : AndControllerBase
    {
        public override System.Threading.Tasks.Task<BothResult> Both(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.FromResult<BothResult>(Seen());
        private string Seen() => string.Join(",", new[] { "X-Key", "Authorization" }.Where(h => Request.Headers.ContainsKey(h))) + "|" + Request.QueryString.Value;
    }
    public sealed class EitherController : OrControllerBase
    {
        public override System.Threading.Tasks.Task<EitherResult> Either(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.FromResult<EitherResult>("either");
    }
    public sealed class InheritedController : DefaultControllerBase
    {
        public override System.Threading.Tasks.Task<InheritedResult> Inherited(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.FromResult<InheritedResult>("inherited");
    }
    public sealed class AnonymousController : OpenControllerBase
    {
        public override System.Threading.Tasks.Task<AnonymousResult> Anonymous(System.Threading.CancellationToken ct) => System.Threading.Tasks.Task.FromResult<AnonymousResult>("open");
    }

    public static class RedirectCheck
    {
        private static WebApplication Start(System.Action<WebApplication> map)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            map(app);
            app.StartAsync().GetAwaiter().GetResult();
            return app;
        }

        private static string Seen(Microsoft.AspNetCore.Http.HttpRequest r) =>
            string.Join(",", new[] { "X-Key", "Authorization" }.Where(h => r.Headers.ContainsKey(h))) + "|" + r.QueryString.Value;

        /// <summary>Calls one operation redirected to another origin and one redirected within the same origin.</summary>
        public static async System.Threading.Tasks.Task<string> RunAsync()
        {
            var other = Start(app => app.MapGet("/echo", (Microsoft.AspNetCore.Http.HttpRequest r) => Microsoft.AspNetCore.Http.Results.Json(Seen(r))));
            var otherUrl = other.Urls.First();
            var api = Start(app =>
            {
                app.MapGet("/and", (Microsoft.AspNetCore.Http.HttpRequest r) => Microsoft.AspNetCore.Http.Results.Redirect(otherUrl + "/echo" + r.QueryString.Value));
                app.MapGet("/or", (Microsoft.AspNetCore.Http.HttpRequest r) => Microsoft.AspNetCore.Http.Results.Redirect("/echo" + r.QueryString.Value));
                app.MapGet("/echo", (Microsoft.AspNetCore.Http.HttpRequest r) => Microsoft.AspNetCore.Http.Results.Json(Seen(r)));
            });
            try
            {
                var services = new ServiceCollection();
                services.AddGuardClient(o => { o.BaseAddress = new System.Uri(api.Urls.First()); o.HeaderKey = "h-secret"; o.QueryKey = "q-secret"; });
                var client = services.BuildServiceProvider().GetRequiredService<GuardClient>();
                var crossOrigin = await client.And.BothAsync();
                var sameOrigin = await client.Or.EitherAsync();
                return crossOrigin + " / " + sameOrigin;
            }
            finally
            {
                await api.StopAsync();
                await other.StopAsync();
            }
        }
    }

    public static class TestHost
    {
        public static WebApplication Start()
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddControllers().AddApplicationPart(typeof(TestHost).Assembly);
            builder.Services.AddAuthentication().AddGuardSecurity(o =>
            {
                o.UseHeaderKey("h-secret");
                o.UseQueryKey("q-secret");
                o.UseToken("t-secret");
                o.UseBasic("user", "pass");
            });
            var app = builder.Build();
            app.MapControllers();
            app.StartAsync().GetAwaiter().GetResult();
            return app;
        }
    }
    """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
        GeneratorHarness.CompileAndLoad(new SpecFile("/project/guard.yaml", Spec, "Guard.Api", "Client;Server;Models"), "guard", collectible: false, Host));

    [Fact]
    public async Task Credentials_follow_redirects_only_within_the_base_origin()
    {
        var seen = await (Task<string>)Compiled.Value.GetType("RedirectCheck")!.GetMethod("RunAsync")!.Invoke(null, null)!;
        // Cross-origin hop: no API-key header, no API-key query parameter. Same-origin hop: the header stays.
        Assert.Equal("| / X-Key|", seen);
    }

    [Fact]
    public async Task And_or_default_and_anonymous_requirements_hold_over_http()
    {
        var assembly = Compiled.Value;
        var app = (Microsoft.AspNetCore.Builder.WebApplication)assembly.GetType("TestHost")!.GetMethod("Start")!.Invoke(null, null)!;
        try
        {
            var address = app.Urls.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            async Task<HttpStatusCode> Status(string path, string? headerKey = null, string? authorization = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (headerKey is not null) request.Headers.Add("X-Key", headerKey);
                if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
            var basic = "Basic " + Convert.ToBase64String("user:pass"u8.ToArray());

            // AND: both the header key and the query key.
            Assert.Equal(HttpStatusCode.OK, await Status("and?key=q-secret", "h-secret"));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("and", "h-secret"));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("and?key=q-secret"));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("and?key=wrong", "h-secret"));
            // OR: either the header key or basic credentials.
            Assert.Equal(HttpStatusCode.OK, await Status("or", "h-secret"));
            Assert.Equal(HttpStatusCode.OK, await Status("or", authorization: basic));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("or", authorization: "Basic " + Convert.ToBase64String("user:nope"u8.ToArray())));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("or"));
            // Document default (bearer) and the anonymous override.
            Assert.Equal(HttpStatusCode.OK, await Status("default", authorization: "Bearer t-secret"));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status("default", "h-secret"));
            Assert.Equal(HttpStatusCode.OK, await Status("open"));

            // The generated client sends exactly the credentials each operation names.
            var optionsType = assembly.GetType("Guard.Api.GuardClientOptions")!;
            var options = Activator.CreateInstance(optionsType)!;
            foreach (var (name, value) in new[] { ("BaseAddress", (object)new Uri(address)), ("HeaderKey", "h-secret"), ("QueryKey", "q-secret"), ("Token", "t-secret"), ("BasicUsername", "user"), ("BasicPassword", "pass") })
            {
                optionsType.GetProperty(name)!.SetValue(options, value);
            }
            var client = Activator.CreateInstance(assembly.GetType("Guard.Api.GuardClient")!, new HttpClient(), options)!;
            var and = client.GetType().GetProperty("And")!.GetValue(client)!;
            var seen = await (Task<string>)and.GetType().GetMethod("BothAsync")!.Invoke(and, new object[] { CancellationToken.None })!;
            Assert.Equal("X-Key|?key=q-secret", seen);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
