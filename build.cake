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

// The Native AOT toolchain for AotPublishTests (samples/AotClient published natively): clang and zlib1g-dev from
// Debian, installed only when missing. A versioned clang-NN (as Debian's clang-tidy brings) is enough for the test.
Task("NativeToolchain")
    .Does(() =>
    {
        if (!IsRunningOnLinux()) return;
        int Sh(string command) => StartProcess("sh", new ProcessSettings { Arguments = "-c \"" + command + "\"", RedirectStandardOutput = true });
        var hasClang = Sh("command -v clang || ls /usr/bin/clang-[0-9]*") == 0;
        var hasZlib = FileExists("/usr/include/zlib.h");
        if (hasClang && hasZlib)
        {
            Information("clang and zlib1g-dev are installed.");
            return;
        }
        if (Sh("test $(id -u) -eq 0") != 0) throw new Exception("Native AOT needs clang and zlib1g-dev: run as root, or apt-get install clang zlib1g-dev.");
        if (Sh("apt-get update -qq") != 0 || Sh("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev") != 0)
        {
            throw new Exception("apt-get could not install clang and zlib1g-dev.");
        }
    });

// Unit tests (in-memory generator driver), the Prism conformance sweep and the end-to-end test that packs the
// generator, builds a consumer from a local feed and talks to it over HTTP.
Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("PrismInstall")
    .IsDependentOn("NativeToolchain")
    .Does(() => DotNetTest("./OpenApiGen.sln", new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = new[] { "trx", "console;verbosity=normal" },
        ResultsDirectory = artifacts.Combine("test-results"),
    }));

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
    {
        // The generator package and the openapigen dotnet tool.
        foreach (var project in new[] { "./src/OpenApiGen/OpenApiGen.csproj", "./src/OpenApiGen.Cli/OpenApiGen.Cli.csproj" })
        {
            DotNetPack(project, new DotNetPackSettings
            {
                Configuration = configuration,
                NoBuild = true,
                OutputDirectory = artifacts.Combine("packages"),
            });
        }
    });

// Kiota 1.38.0's CLI, installed into artifacts/tools (git-ignored) on first use; null when it cannot be installed.
FilePath InstallKiota()
{
    var toolPath = artifacts.Combine("tools");
    var kiota = toolPath.CombineWithFilePath("kiota");
    if (!FileExists(kiota))
    {
        var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path \"{toolPath}\"" });
        if (exit != 0) Warning("Kiota could not be installed.");
    }
    return FileExists(kiota) ? kiota : null;
}

// Build-time benchmark (not a test): OpenApiGen against JsonDocument, Microsoft.OpenApi and NSwag on the same specs.
// Kiota's CLI is timed beside them when installed into artifacts/tools (the target tries; failure only skips that column).
Task("Bench")
    .Does(() =>
    {
        var kiota = InstallKiota();
        var kiotaArgument = kiota != null ? $" --kiota \"{kiota}\"" : "";
        DotNetRun("./bench/OpenApiGen.Bench/OpenApiGen.Bench.csproj", new DotNetRunSettings
        {
            Configuration = "Release",
            ArgumentCustomization = args => args.Append("--" + kiotaArgument),
        });
    });

// Consumer build cost (issue 10; not a test): a clean Release build of a consumer per spec and generator — the packed
// OpenApiGen from a local feed, Kiota 1.38.0's output, NSwag 14.8's client — generated chars, build seconds and the
// compiler's peak RSS, medians of 3, to artifacts/bench/consumer.md. `--specs=a.json,b.yaml` narrows the specs
// (default: openhands, stripe, github-api, kubernetes, openai; the big ones take many minutes each), `--runs=N`.
Task("BenchConsumer")
    .Does(() =>
    {
        // GNU time measures the compiler's max RSS.
        if (!FileExists("/usr/bin/time"))
        {
            if (StartProcess("apt-get", "update -qq") != 0 || StartProcess("apt-get", "install -y -qq time") != 0)
                throw new Exception("GNU time (Debian package 'time') could not be installed.");
        }
        var kiota = InstallKiota() ?? throw new Exception("Kiota 1.38.0 could not be installed into artifacts/tools.");
        // A version no cache has seen, so the consumers restore this very pack; its own bin/obj stay out of src/.
        var version = $"0.1.0-bench.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = artifacts.Combine("bench/feed");
        CleanDirectory(feed);
        DotNetPack("./src/OpenApiGen/OpenApiGen.csproj", new DotNetPackSettings
        {
            Configuration = "Release",
            OutputDirectory = feed,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Version", version),
            ArgumentCustomization = args => args.Append("--artifacts-path").AppendQuoted(artifacts.Combine("bench/pack").FullPath),
        });
        var specs = Argument<string>("specs", null);
        var runs = Argument<string>("runs", null);
        DotNetRun("./bench/OpenApiGen.Bench/OpenApiGen.Bench.csproj", new DotNetRunSettings
        {
            Configuration = "Release",
            ArgumentCustomization = args =>
            {
                args.Append("-- --consumer --feed").AppendQuoted(feed.FullPath).Append("--package-version " + version).Append("--kiota").AppendQuoted(kiota.FullPath);
                if (specs != null) args.Append("--specs").AppendQuoted(specs);
                if (runs != null) args.Append("--runs " + runs);
                return args;
            },
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
