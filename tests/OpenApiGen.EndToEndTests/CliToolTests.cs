using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Issue 11: the `openapigen` dotnet tool installed from the local feed (packed with the generator, same version) as a
/// local tool, and its three commands run as a user runs them.
/// </summary>
public sealed class CliToolFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public string Root { get; private set; } = "";

    public ProcessResult? Install { get; private set; }

    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var packed = await SharedPackage.GetAsync();
        Root = LocalFeed.CreateRoot("openapigen-cli-", packed.Feed, "OpenApiGen.Cli");
        var manifest = await RunAsync("new", "tool-manifest");
        Install = await RunAsync("tool", "install", "OpenApiGen.Cli", "--version", packed.Version);
        Log = packed.Log + Environment.NewLine + manifest + Environment.NewLine + Install;
    }

    public Task<ProcessResult> RunAsync(params string[] arguments) => ProcessRunner.RunAsync(Root, Timeout, LocalFeed.Environment(Root), arguments);

    public Task<ProcessResult> OpenApiGenAsync(params string[] arguments) => RunAsync(["openapigen", .. arguments]);

    public Task DisposeAsync()
    {
        if (Root.Length > 0) LocalFeed.Delete(Root);
        return Task.CompletedTask;
    }
}

public sealed partial class CliToolTests(CliToolFixture fixture, ITestOutputHelper output) : IClassFixture<CliToolFixture>
{
    private void Installed()
    {
        output.WriteLine(fixture.Log);
        Assert.Equal(0, fixture.Install!.ExitCode);
    }

    [Fact]
    public async Task Generate_writes_the_files_a_build_would_compile_and_they_compile_without_the_package()
    {
        Installed();
        File.Copy(RepoLayout.SeedSpec, Path.Combine(fixture.Root, "seed.json"), overwrite: true);
        var generate = await fixture.OpenApiGenAsync("generate", "seed.json", "-o", "lib/Generated", "--namespace", "Cli.Api");
        output.WriteLine(generate.ToString());
        Assert.Equal(0, generate.ExitCode);
        var files = Directory.GetFiles(Path.Combine(fixture.Root, "lib", "Generated")).Select(Path.GetFileName).ToList();
        Assert.Contains("Cli.Api.OpenHandsClient.g.cs", files);
        Assert.Contains("Cli.Api.OpenHandsClient.Conversations.g.cs", files);
        Assert.Contains("Microsoft.CodeAnalysis.EmbeddedAttribute.cs", files); // the runtime's [Embedded] needs its definition
        Assert.DoesNotContain(files, f => f!.Contains("ControllerBase", StringComparison.Ordinal)); // default: Client;Models

        // A class library with those files and no OpenApiGen package builds.
        File.WriteAllText(Path.Combine(fixture.Root, "lib", "Lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        var build = await fixture.RunAsync("build", "lib/Lib.csproj", "-c", "Release", "-nodeReuse:false", "--disable-build-servers");
        output.WriteLine(build.ToString());
        Assert.Equal(0, build.ExitCode);
    }

    [Fact]
    public async Task Check_prints_compiler_style_located_diagnostics_and_fails_only_on_errors()
    {
        Installed();
        File.WriteAllText(Path.Combine(fixture.Root, "bad.json"), """
            {
              "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
              "paths": { "/a": { "get": { "responses": { "200": { "description": "ok",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Missing" } } } } } } } }
            }
            """);
        var bad = await fixture.OpenApiGenAsync("check", "bad.json");
        output.WriteLine(bad.ToString());
        Assert.Equal(1, bad.ExitCode);
        Assert.Matches(LocatedError(), bad.Output);

        File.Copy(RepoLayout.SeedSpec, Path.Combine(fixture.Root, "good.json"), overwrite: true);
        var good = await fixture.OpenApiGenAsync("check", "good.json");
        output.WriteLine(good.ToString());
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("good.json: 0 error(s)", good.Output);
    }

    [Fact]
    public async Task Download_fetches_a_spec_from_a_local_Kestrel()
    {
        Installed();
        var spec = await File.ReadAllTextAsync(RepoLayout.SeedSpec);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/openapi.json", () => Results.Text(spec, "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var download = await fixture.OpenApiGenAsync("download", address + "/openapi.json", "-o", "specs/openapi.json");
        output.WriteLine(download.ToString());
        Assert.Equal(0, download.ExitCode);
        Assert.Equal(spec, await File.ReadAllTextAsync(Path.Combine(fixture.Root, "specs", "openapi.json")));

        var missing = await fixture.OpenApiGenAsync("download", address + "/nothing.json", "-o", "specs/nothing.json");
        output.WriteLine(missing.ToString());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("HTTP 404", missing.Output);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "specs", "nothing.json")));
        await app.StopAsync();
    }

    // "…/bad.json(4,62): error OAG008: The reference '#/components/schemas/Missing' does not resolve…"
    [GeneratedRegex(@"bad\.json\(\d+,\d+\): error OAG008: ")]
    private static partial Regex LocatedError();
}
