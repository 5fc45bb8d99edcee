namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Teams on .NET 8 (LTS) and 9 adopt this too: a class library targeting net8.0 and net9.0 builds the generated client
/// and models from the packed package (the .NET 10 SDK compiles it; only the targeting packs are restored).
/// </summary>
public sealed class OlderTargetFrameworkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_net8_and_net9_library_builds_the_generated_client_and_models()
    {
        var packed = await SharedPackage.GetAsync();
        var root = LocalFeed.CreateRoot("openapigen-tfm-", packed.Feed, "OpenApiGen");
        try
        {
            File.WriteAllText(Path.Combine(root, "Lib.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>net8.0;net9.0</TargetFrameworks>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OpenApiGen" Version="{packed.Version}" PrivateAssets="all" />
                    <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
                    <AdditionalFiles Include="openapi.json" OpenApiNamespace="OpenHands.Api" OpenApiGenerate="Client;Models" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(RepoLayout.SeedSpec, Path.Combine(root, "openapi.json"));
            File.WriteAllText(Path.Combine(root, "Use.cs"), """
                namespace Lib;

                public sealed class Cleanup(OpenHands.Api.IOpenHandsClient client)
                {
                    public System.Threading.Tasks.Task<bool> RunAsync(string id) => client.Conversations.DeleteConversationAsync(id);
                }
                """);
            var build = await ProcessRunner.RunAsync(root, TimeSpan.FromMinutes(15), LocalFeed.Environment(root),
                "build", "Lib.csproj", "-c", "Release", "-nodeReuse:false", "--disable-build-servers");
            output.WriteLine(build.ToString());
            Assert.Equal(0, build.ExitCode);
            Assert.True(File.Exists(Path.Combine(root, "bin", "Release", "net8.0", "Lib.dll")));
            Assert.True(File.Exists(Path.Combine(root, "bin", "Release", "net9.0", "Lib.dll")));
        }
        finally
        {
            LocalFeed.Delete(root);
        }
    }
}
