using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Once per test class: packs src/OpenApiGen into a temp feed under a unique version, builds a temp Sdk.Web consumer
/// that references that package, starts it on a free loopback port and waits for it to print READY.
/// Everything lives under one temp folder that is deleted afterwards; the consumer restores into its own package folder
/// so nothing reaches the global NuGet cache.
/// </summary>
public sealed class PackedConsumerFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-key";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _log = new();
    private readonly ConcurrentQueue<string> _consumerOutput = new();
    private Process? _consumer;
    private Exception? _failure;

    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "openapigen-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Unique per run, so no NuGet cache can ever hand back a stale package.</summary>
    public string PackageVersion { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Guid.NewGuid().ToString("N")[..8]}";

    public ProcessResult? Pack { get; private set; }

    public ProcessResult? Build { get; private set; }

    public string? PackagePath { get; private set; }

    public IReadOnlyList<string> PackageEntries { get; private set; } = [];

    public int Port { get; private set; }

    /// <summary>The consumer's own NuGet package folder (RestorePackagesPath / NUGET_PACKAGES).</summary>
    public string PackagesFolder => Path.Combine(TempRoot, "packages");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every stdout/stderr line of the consumer up to READY.</summary>
    public IReadOnlyList<string> StartupOutput { get; private set; } = [];

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The consumer's output so far, including what it printed after READY.</summary>
    public string ConsumerOutput => string.Join(Environment.NewLine, _consumerOutput);

    public async Task InitializeAsync()
    {
        try
        {
            await SetUpAsync();
        }
        catch (Exception ex)
        {
            _failure = ex;
            Write($"SETUP FAILED: {ex.Message}");
        }
    }

    /// <summary>Writes the setup log to the test output and fails the test if the setup did not reach READY.</summary>
    public void EnsureReady(ITestOutputHelper output)
    {
        output.WriteLine(Log);
        if (_failure is not null)
        {
            throw new InvalidOperationException($"The end-to-end setup failed: {_failure.Message}", _failure);
        }
    }

    private async Task SetUpAsync()
    {
        Write($"Repository root: {RepoLayout.Root}");
        Write($"Temp root:       {TempRoot}");
        Write($"Package version: {PackageVersion}");
        Directory.CreateDirectory(TempRoot);

        // Fence the temp tree off from any Directory.*.props / central package management above it.
        File.WriteAllText(Path.Combine(TempRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(TempRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(TempRoot, "Directory.Packages.props"), "<Project />\n");

        var feed = Path.Combine(TempRoot, "feed");
        var packages = PackagesFolder;
        var consumerDir = Path.Combine(TempRoot, "consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(packages);
        Directory.CreateDirectory(consumerDir);

        // 1. Pack. --artifacts-path keeps this build's bin/obj out of src/OpenApiGen, so it cannot collide with a
        //    build someone runs in the work tree at the same time.
        Pack = await ProcessRunner.RunAsync(
            RepoLayout.Root,
            PackTimeout,
            null,
            "pack", RepoLayout.GeneratorProject,
            "-c", "Release",
            "-o", feed,
            $"-p:Version={PackageVersion}",
            "--artifacts-path", Path.Combine(TempRoot, "pack-artifacts"),
            "-nodeReuse:false",
            "--disable-build-servers");
        Write(Pack.ToString());
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed (exit {(Pack.TimedOut ? "TIMEOUT" : Pack.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}):{ErrorLines(Pack.Output)}");
        }
        PackagePath = Path.Combine(feed, $"OpenApiGen.{PackageVersion}.nupkg");
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack succeeded but {PackagePath} is missing; feed holds: {string.Join(", ", Directory.GetFiles(feed))}");
        }
        using (var zip = ZipFile.OpenRead(PackagePath))
        {
            PackageEntries = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        Write("Package entries:" + Environment.NewLine + string.Join(Environment.NewLine, PackageEntries.Select(e => "  " + e)));

        // 2. The consumer project.
        File.WriteAllText(Path.Combine(TempRoot, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="openapigen-e2e" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="openapigen-e2e">
                  <package pattern="OpenApiGen" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumerDir, "E2EConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestorePackagesPath>{packages}</RestorePackagesPath>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenApiGen" Version="{PackageVersion}" PrivateAssets="all" />
                <AdditionalFiles Include="openapi.json" OpenApiNamespace="OpenHands.Api" OpenApiGenerate="Client;Server;Models" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(RepoLayout.SeedSpec, Path.Combine(consumerDir, "openapi.json"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConsumerApp", "Program.cs"), Path.Combine(consumerDir, "Program.cs"));

        // 3. Build it.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        Build = await ProcessRunner.RunAsync(
            consumerDir,
            BuildTimeout,
            environment,
            "build", "E2EConsumer.csproj",
            "-c", "Debug",
            "-nodeReuse:false",
            "--disable-build-servers");
        Write(Build.ToString());
        var generatedDir = Path.Combine(consumerDir, "obj", "Debug", "net10.0", "generated");
        if (Directory.Exists(generatedDir))
        {
            Write("Generated files:" + Environment.NewLine + string.Join(Environment.NewLine,
                Directory.GetFiles(generatedDir, "*.cs", SearchOption.AllDirectories).Select(f => "  " + Path.GetRelativePath(generatedDir, f)).Order(StringComparer.Ordinal)));
        }
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of the consumer failed (exit {(Build.TimedOut ? "TIMEOUT" : Build.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}):{ErrorLines(Build.Output)}");
        }
        var dll = Path.Combine(consumerDir, "bin", "Debug", "net10.0", "E2EConsumer.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The consumer built but {dll} is missing.");
        }

        // 4. Run it and wait for READY.
        Port = FreeLoopbackPort();
        Write($"Starting consumer on 127.0.0.1:{Port}");
        await StartConsumerAsync(consumerDir, dll, environment);
    }

    private async Task StartConsumerAsync(string consumerDir, string dll, IReadOnlyDictionary<string, string> environment)
    {
        var psi = ProcessRunner.CreateStartInfo(consumerDir, environment, dll, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            _consumerOutput.Enqueue(e.Data);
            if (e.Data.Trim() == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _consumerOutput.Enqueue("[stderr] " + e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The consumer exited before printing READY."));
        process.Start();
        _consumer = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var winner = await Task.WhenAny(ready.Task, Task.Delay(ReadyTimeout));
        StartupOutput = _consumerOutput.ToList();
        Write("Consumer output up to READY:" + Environment.NewLine + string.Join(Environment.NewLine, StartupOutput.Select(l => "  " + l)));
        if (winner != ready.Task)
        {
            throw new TimeoutException($"The consumer did not print READY within {ReadyTimeout.TotalSeconds:F0}s. Output:{Environment.NewLine}{ConsumerOutput}");
        }
        if (ready.Task.IsFaulted)
        {
            process.WaitForExit();
            throw new InvalidOperationException($"The consumer exited with code {process.ExitCode} before printing READY. Output:{Environment.NewLine}{ConsumerOutput}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_consumer is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    // Closing stdin asks the consumer to stop; kill the tree if it does not.
                    try
                    {
                        process.StandardInput.Close();
                    }
                    catch (IOException)
                    {
                    }
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    try
                    {
                        await process.WaitForExitAsync(cts.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            }
            finally
            {
                ProcessRunner.KillTree(process);
                process.WaitForExit(10_000);
                process.Dispose();
            }
        }

        for (var attempt = 0; attempt < 5 && Directory.Exists(TempRoot); attempt++)
        {
            try
            {
                Directory.Delete(TempRoot, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>The error lines of a build's output (the full output is in the log).</summary>
    private static string ErrorLines(string buildOutput)
    {
        var errors = buildOutput.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains(": error", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count == 0
            ? " (no error lines; full output in the test log)"
            : Environment.NewLine + string.Join(Environment.NewLine, errors);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private void Write(string text)
    {
        lock (_log)
        {
            _log.AppendLine(text);
        }
    }
}
