using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Once per test class: takes the generator package packed once per run (<see cref="SharedPackage"/>), builds a temp
/// Sdk.Web consumer from <see cref="ConsumerAppFolder"/> + <see cref="SpecPath"/> that references that package,
/// starts it on a free loopback port and waits for it to print READY.
/// Everything of the consumer lives under one temp folder that is deleted afterwards; the consumer restores into its
/// own package folder so nothing reaches the global NuGet cache.
/// </summary>
public abstract class PackedConsumerFixtureBase : IAsyncLifetime
{
    public const string ApiKey = "e2e-key";

    // A guard against hangs, not a speed check: test assemblies run side by side on CI's 2 cores (corpus, Prism sweep).
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    private readonly StringBuilder _log = new();
    private readonly ConcurrentQueue<string> _consumerOutput = new();
    private Process? _consumer;
    private Exception? _failure;

    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "openapigen-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Unique per run, so no NuGet cache can ever hand back a stale package.</summary>
    public string PackageVersion => SharedPackage.Version;

    public ProcessResult? Pack { get; private set; }

    public ProcessResult? Build { get; private set; }

    public string? PackagePath { get; private set; }

    public IReadOnlyList<string> PackageEntries { get; private set; } = [];

    public int Port { get; private set; }

    /// <summary>The consumer's own NuGet package folder (RestorePackagesPath / NUGET_PACKAGES).</summary>
    public string PackagesFolder => Path.Combine(TempRoot, "packages");

    public string ConsumerDirectory => Path.Combine(TempRoot, "consumer");

    /// <summary>Where the build leaves the generated sources (EmitCompilerGeneratedFiles).</summary>
    public string GeneratedDirectory => Path.Combine(ConsumerDirectory, "obj", "Debug", "net10.0", "generated");

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

    /// <summary>The spec copied into the consumer as openapi.json.</summary>
    protected abstract string SpecPath { get; }

    /// <summary>Every spec the consumer gets: source path, file name in the consumer, namespace. Defaults to <see cref="SpecPath"/> as OpenHands.Api.</summary>
    protected virtual IReadOnlyList<(string Source, string FileName, string Namespace)> Specs => [(SpecPath, "openapi.json", "OpenHands.Api")];

    /// <summary>More source files (absolute paths) copied into the consumer beside <see cref="ConsumerAppFolder"/>'s.</summary>
    protected virtual IReadOnlyList<string> ExtraSources => [];

    /// <summary>Extra MSBuild properties for the consumer project, as XML elements.</summary>
    protected virtual string ExtraProperties => "";

    /// <summary>Extra MSBuild items for the consumer project (package references, more AdditionalFiles), as XML elements.</summary>
    protected virtual string ExtraItems => "";

    /// <summary>More files written into the consumer folder: file name → content.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraFiles => new Dictionary<string, string>();

    /// <summary>The folder beside the test assembly whose *.cs files are the consumer's sources.</summary>
    protected abstract string ConsumerAppFolder { get; }

    /// <summary>How long the consumer may take from start to READY.</summary>
    protected virtual TimeSpan ReadyTimeout => TimeSpan.FromSeconds(60);

    /// <summary>When set, the setup does nothing and the tests are expected to be skipped.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>What each spec item generates (its OpenApiGenerate metadata).</summary>
    protected virtual string Generate => "Client;Server;Models";

    /// <summary>When set, the consumer is also published with Native AOT and the native executable is what runs.</summary>
    protected virtual bool PublishNative => false;

    /// <summary>The Native AOT publish, when <see cref="PublishNative"/>.</summary>
    public ProcessResult? Publish { get; private set; }

    public async Task InitializeAsync()
    {
        if (SkipReason is { } reason)
        {
            Write($"Setup skipped: {reason}");
            return;
        }
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
        if (SkipReason is { } reason)
        {
            throw new InvalidOperationException($"The end-to-end setup was skipped ({reason}); the test should have been skipped as well.");
        }
    }

    private async Task SetUpAsync()
    {
        Write($"Repository root: {RepoLayout.Root}");
        Write($"Temp root:       {TempRoot}");
        Write($"Spec:            {SpecPath}");
        Write($"Package version: {PackageVersion}");
        Directory.CreateDirectory(TempRoot);

        // Fence the temp tree off from any Directory.*.props / central package management above it.
        LocalFeed.Fence(TempRoot);

        var packages = PackagesFolder;
        var consumerDir = ConsumerDirectory;
        Directory.CreateDirectory(packages);
        Directory.CreateDirectory(consumerDir);

        // 1. The package, packed once for every fixture of this run.
        var packed = await SharedPackage.GetAsync();
        Pack = packed.Pack;
        PackagePath = packed.PackagePath;
        PackageEntries = packed.Entries;
        Write(packed.Log);

        // 2. The consumer project.
        LocalFeed.WriteNuGetConfig(TempRoot, packed.Feed, "OpenApiGen");
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
                {ExtraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenApiGen" Version="{PackageVersion}" PrivateAssets="all" />
                {string.Concat(Specs.Select(s => $"<AdditionalFiles Include=\"{s.FileName}\" OpenApiNamespace=\"{s.Namespace}\" OpenApiGenerate=\"{Generate}\" />"))}
                {ExtraItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var spec in Specs)
        {
            File.Copy(spec.Source, Path.Combine(consumerDir, spec.FileName));
        }
        foreach (var (name, content) in ExtraFiles)
        {
            File.WriteAllText(Path.Combine(consumerDir, name), content);
        }
        var appSources = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, ConsumerAppFolder), "*.cs");
        if (appSources.Length == 0)
        {
            throw new InvalidOperationException($"No consumer sources in {Path.Combine(AppContext.BaseDirectory, ConsumerAppFolder)}.");
        }
        foreach (var source in appSources.Concat(ExtraSources))
        {
            File.Copy(source, Path.Combine(consumerDir, Path.GetFileName(source)));
        }

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
        var generatedDir = GeneratedDirectory;
        if (Directory.Exists(generatedDir))
        {
            Write("Generated files:" + Environment.NewLine + string.Join(Environment.NewLine,
                Directory.GetFiles(generatedDir, "*.cs", SearchOption.AllDirectories).Select(f => "  " + Path.GetRelativePath(generatedDir, f)).Order(StringComparer.Ordinal)));
        }
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of the consumer failed (exit {(Build.TimedOut ? "TIMEOUT" : Build.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}):{BuildOutput.ErrorLines(Build.Output)}");
        }
        var dll = Path.Combine(consumerDir, "bin", "Debug", "net10.0", "E2EConsumer.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The consumer built but {dll} is missing.");
        }

        // 4. Publish it natively, when asked: the build above already compiled it, this proves it links without JIT.
        string? native = null;
        if (PublishNative)
        {
            Publish = await ProcessRunner.RunAsync(
                consumerDir,
                BuildTimeout,
                environment,
                "publish", "E2EConsumer.csproj",
                "-c", "Release", "-r", "linux-x64", "-o", "native",
                "-p:PublishAot=true", $"-p:CppCompilerAndLinker={NativeAotFactAttribute.Clang}",
                "-nodeReuse:false", "--disable-build-servers");
            Write(Publish.ToString());
            if (Publish.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish -p:PublishAot=true of the consumer failed:{BuildOutput.ErrorLines(Publish.Output)}");
            }
            native = Path.Combine(consumerDir, "native", "E2EConsumer");
        }

        // 5. Run it and wait for READY.
        Port = FreeLoopbackPort();
        Write($"Starting consumer on 127.0.0.1:{Port}" + (native is null ? "" : " (native)"));
        await StartConsumerAsync(consumerDir, dll, native, environment);
    }

    private async Task StartConsumerAsync(string consumerDir, string dll, string? native, IReadOnlyDictionary<string, string> environment)
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var psi = ProcessRunner.CreateStartInfo(consumerDir, environment, dll, port);
        if (native is not null)
        {
            psi.FileName = native;
            psi.ArgumentList.Clear();
            psi.ArgumentList.Add(port);
        }
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

    protected void Write(string text)
    {
        lock (_log)
        {
            _log.AppendLine(text);
        }
    }
}
