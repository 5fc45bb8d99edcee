// Build orchestration. `dotnet cake` runs Test by default; see README.md for the commands.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var artifacts = MakeAbsolute(Directory("./artifacts"));

Task("Clean")
    .Does(() => CleanDirectory(artifacts));

Task("Build")
    .Does(() => DotNetBuild("./OpenApiGen.sln", new DotNetBuildSettings
    {
        Configuration = configuration,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("ContinuousIntegrationBuild", "true"),
    }));

// Unit tests (in-memory generator driver) and the end-to-end test that packs the generator,
// builds a consumer from a local feed and talks to it over HTTP.
Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest("./OpenApiGen.sln", new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = new[] { "trx", "console;verbosity=normal" },
        ResultsDirectory = artifacts.Combine("test-results"),
    }));

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack("./src/OpenApiGen/OpenApiGen.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = artifacts.Combine("packages"),
    }));

// The main job: the OpenHands sample hosts the generated controller on 127.0.0.1 and calls it with the generated client.
Task("Sample")
    .Does(() => DotNetRun("./samples/OpenHands/OpenHands.Sample.csproj", new DotNetRunSettings { Configuration = configuration }));

RunTarget(target);
