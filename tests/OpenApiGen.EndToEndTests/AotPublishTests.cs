using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Issue 11: samples/AotClient published with PublishAot from the packed package (a real native executable, no JIT),
/// then run against a local Kestrel that plays the seed operation. The native toolchain is clang and zlib1g-dev
/// (`dotnet cake --target=Test` installs them with apt-get when missing); without a clang the test reports itself skipped.
/// </summary>
public sealed partial class AotPublishTests(ITestOutputHelper output)
{
    private const string ApiKey = "aot-key";

    [NativeAotFact]
    public async Task The_generated_client_publishes_natively_without_warnings_and_runs()
    {
        var packed = await SharedPackage.GetAsync();
        var root = LocalFeed.CreateRoot("openapigen-aot-", packed.Feed, "OpenApiGen");
        try
        {
            // The sample's own project references the generator in-repo; this one references the packed package instead.
            File.WriteAllText(Path.Combine(root, "AotClient.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <PublishAot>true</PublishAot>
                    <InvariantGlobalization>true</InvariantGlobalization>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OpenApiGen" Version="{packed.Version}" PrivateAssets="all" />
                    <AdditionalFiles Include="openapi.json" OpenApiNamespace="OpenHands.Api" OpenApiGenerate="Client" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(RepoLayout.SeedSpec, Path.Combine(root, "openapi.json"));
            File.Copy(Path.Combine(RepoLayout.Root, "samples", "AotClient", "Program.cs"), Path.Combine(root, "Program.cs"));

            var publish = await ProcessRunner.RunAsync(root, TimeSpan.FromMinutes(20), LocalFeed.Environment(root),
                "publish", "AotClient.csproj", "-c", "Release", "-r", "linux-x64", "-o", "out", $"-p:CppCompilerAndLinker={NativeAotFactAttribute.Clang}",
                "-nodeReuse:false", "--disable-build-servers");
            output.WriteLine(publish.ToString());
            Assert.Equal(0, publish.ExitCode);
            var warnings = publish.Output.Split('\n').Where(l => TrimOrAotWarning().IsMatch(l)).Distinct().ToList();
            output.WriteLine($"trim/AOT warnings: {warnings.Count}");
            Assert.Empty(warnings);
            var native = Path.Combine(root, "out", "AotClient");
            Assert.True(File.Exists(native), "no native executable at " + native);
            Assert.False(File.Exists(Path.Combine(root, "out", "AotClient.dll")), "a native publish has no IL assembly to run");

            await using var server = await SeedServerAsync();
            var run = await RunNativeAsync(native, server.Address, ApiKey, "conv-1", "conv-1", "invalid");
            output.WriteLine(run);
            Assert.Equal(["conv-1: True", "conv-1: False", "invalid: 422 bad"], run.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            LocalFeed.Delete(root);
        }
    }

    // The seed operation: DELETE /api/conversations/{id} with X-Session-API-Key → true/false, 422 for "invalid".
    private static async Task<(WebApplication App, string Address)> StartAsync()
    {
        var store = new HashSet<string> { "conv-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapDelete("/api/conversations/{id}", (string id, HttpRequest request) =>
        {
            if (request.Headers["X-Session-API-Key"] != ApiKey) return Results.StatusCode(401);
            if (id == "invalid") return Results.Text("""{"detail":[{"loc":["path",0],"msg":"bad","type":"value_error"}]}""", "application/json", statusCode: 422);
            lock (store) return Results.Text(JsonSerializer.Serialize(store.Remove(id)), "application/json");
        });
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    private static async Task<SeedServer> SeedServerAsync()
    {
        var (app, address) = await StartAsync();
        return new SeedServer(app, address);
    }

    private sealed record SeedServer(WebApplication App, string Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private static async Task<string> RunNativeAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return await stdout + await stderr;
    }

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();
}

/// <summary>A fact reported as skipped, never passed, when no clang is on the PATH (the NativeAOT linker driver on Linux).</summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        Skip = Clang is null ? "no clang on the PATH: `dotnet cake --target=Test` installs clang and zlib1g-dev with apt-get" : null;
    }

    /// <summary>clang, else a versioned clang-NN (Debian's clang-tidy brings clang-14 without the plain name).</summary>
    public static string? Clang { get; } = FindClang();

    private static string? FindClang()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(Directory.Exists).ToList();
        if (path.Any(d => File.Exists(Path.Combine(d, "clang")))) return "clang";
        return path.SelectMany(d => Directory.GetFiles(d, "clang-*")).Select(Path.GetFileName)
            .Where(n => n is not null && Regex.IsMatch(n, @"^clang-\d+$")).OrderByDescending(n => n!.Length).ThenByDescending(n => n, StringComparer.Ordinal).FirstOrDefault();
    }
}
