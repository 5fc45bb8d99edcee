using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// One Stoplight Prism process (installed by `dotnet cake` into tests/prism/node_modules) listening on 127.0.0.1 at a
/// free port: `prism mock -d &lt;spec&gt;` or `prism proxy &lt;spec&gt; &lt;upstream&gt; --errors`. Disposing kills the process tree.
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismServer(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri("http://127.0.0.1:" + port + "/");
    }

    public static string PrismDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "prism");

    public static string PrismScript => Path.Combine(PrismDirectory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    public static bool IsInstalled => File.Exists(PrismScript);

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>How long the process took from start to accepting connections (large specs take long to load).</summary>
    public TimeSpan StartupTime { get; private set; }

    public bool HasExited => _process.HasExited;

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Why Prism died: the last lines it wrote that are not stack frames, on one line.</summary>
    public string LastLines(int count)
    {
        _process.WaitForExit(2000);
        return string.Join(" / ", Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("at ", StringComparison.Ordinal)).TakeLast(count));
    }

    /// <summary>Prism's console output so far (requests, violations, startup errors).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static Task<PrismServer> MockAsync(string specPath, TimeSpan startupLimit) =>
        StartAsync(["mock", "-d", specPath], startupLimit);

    /// <summary>A validating proxy: with --errors, a response violation becomes Prism's own error instead of a header only.</summary>
    public static Task<PrismServer> ProxyAsync(string specPath, Uri upstream, TimeSpan startupLimit, bool errors) =>
        StartAsync(errors ? ["proxy", specPath, upstream.ToString().TrimEnd('/'), "--errors"] : ["proxy", specPath, upstream.ToString().TrimEnd('/')], startupLimit);

    private static async Task<PrismServer> StartAsync(string[] arguments, TimeSpan startupLimit)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = PrismDirectory,
        };
        info.ArgumentList.Add(PrismScript);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) info.ArgumentList.Add(argument);
        // Prism colours its log; plain text reads better in test output.
        info.Environment["FORCE_COLOR"] = "0";
        info.Environment["NO_COLOR"] = "1";

        var process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started");
        var server = new PrismServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        while (!await server.AcceptsConnectionsAsync())
        {
            if (process.HasExited || watch.Elapsed > startupLimit)
            {
                var reason = process.HasExited ? "exited with " + process.ExitCode : "did not listen within " + startupLimit;
                await server.DisposeAsync();
                throw new InvalidOperationException("Prism " + string.Join(" ", arguments) + " " + reason + ":\n" + server.Log);
            }
            await Task.Delay(200);
        }
        server.StartupTime = watch.Elapsed;
        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
