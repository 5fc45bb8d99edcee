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

// Stoplight Prism and openapi-sampler for the Prism tests (tests/OpenApiGen.Tests/Prism), pinned by
// tests/prism/package-lock.json. `npm ci` wipes and reinstalls, so it runs only when the lockfile changed since the
// last install (npm writes node_modules/.package-lock.json as its record of what is installed).
Task("PrismInstall")
    .Does(() =>
    {
        var prism = MakeAbsolute(Directory("./tests/prism"));
        var lockFile = prism.CombineWithFilePath("package-lock.json");
        var installed = prism.Combine("node_modules").CombineWithFilePath(".package-lock.json");
        if (FileExists(installed) && System.IO.File.GetLastWriteTimeUtc(installed.FullPath) >= System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath))
        {
            Information("tests/prism/node_modules is up to date with package-lock.json.");
            return;
        }
        var npm = IsRunningOnWindows() ? "npm.cmd" : "npm";
        var exit = StartProcess(npm, new ProcessSettings { Arguments = "ci --no-audit --no-fund", WorkingDirectory = prism });
        if (exit != 0) throw new Exception("npm ci in tests/prism failed with exit code " + exit);
    });

// Unit tests (in-memory generator driver), the Prism conformance sweep and the end-to-end test that packs the
// generator, builds a consumer from a local feed and talks to it over HTTP.
Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("PrismInstall")
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

// Build-time benchmark (not a test): OpenApiGen against JsonDocument, Microsoft.OpenApi and NSwag on the same specs.
// Kiota's CLI is timed beside them when installed into artifacts/tools (the target tries; failure only skips that column).
Task("Bench")
    .Does(() =>
    {
        var toolPath = artifacts.Combine("tools");
        var kiota = toolPath.CombineWithFilePath("kiota");
        if (!FileExists(kiota))
        {
            var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path \"{toolPath}\"" });
            if (exit != 0) Warning("Kiota could not be installed; its column is skipped.");
        }
        var kiotaArgument = FileExists(kiota) ? $" --kiota \"{kiota}\"" : "";
        DotNetRun("./bench/OpenApiGen.Bench/OpenApiGen.Bench.csproj", new DotNetRunSettings
        {
            Configuration = "Release",
            ArgumentCustomization = args => args.Append("--" + kiotaArgument),
        });
    });

// Run-time benchmark (not a test): generated client vs NSwag client vs hand-written HttpClient + STJ source-gen over
// loopback Kestrel, BenchmarkDotNet with MemoryDiagnoser.
Task("BenchRuntime")
    .Does(() => DotNetRun("./bench/OpenApiGen.RuntimeBench/OpenApiGen.RuntimeBench.csproj", new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = args => args.Append("-- --filter \"*\""),
    }));

// The main job: the OpenHands sample hosts the generated controller on 127.0.0.1 and calls it with the generated client.
Task("Sample")
    .Does(() => DotNetRun("./samples/OpenHands/OpenHands.Sample.csproj", new DotNetRunSettings { Configuration = configuration }));

RunTarget(target);
