using System.Diagnostics;
using System.Text;

namespace OpenApiGen.EndToEndTests;

/// <summary>Runs <c>dotnet</c> commands with a clean, quiet environment and captures their output.</summary>
internal static class ProcessRunner
{
    /// <summary>The dotnet host running this test (falls back to the one on PATH).</summary>
    public static string DotNet
    {
        get
        {
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
        }
    }

    public static ProcessStartInfo CreateStartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var psi = new ProcessStartInfo(DotNet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        // `dotnet test` leaves MSBuild variables behind for the test host; a nested build must not inherit them.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                psi.Environment.Remove(key);
            }
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }
        return psi;
    }

    /// <summary>Runs to completion; on timeout the whole process tree is killed and the result says so.</summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var psi = CreateStartInfo(workingDirectory, environment, arguments);
        var output = new StringBuilder();
        var gate = new object();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine("[stderr] " + e.Data); };

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            KillTree(process);
        }
        process.WaitForExit(); // drains the asynchronous output readers

        string text;
        lock (gate)
        {
            text = output.ToString();
        }
        return new ProcessResult(
            $"dotnet {string.Join(' ', arguments)}",
            timedOut ? -1 : process.ExitCode,
            timedOut,
            text,
            stopwatch.Elapsed);
    }

    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // already gone / not ours any more
        }
    }
}

public sealed record ProcessResult(string CommandLine, int ExitCode, bool TimedOut, string Output, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"$ {CommandLine}{Environment.NewLine}(exit {(TimedOut ? "TIMEOUT" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}, {Elapsed.TotalSeconds:F1}s){Environment.NewLine}{Output}";
}
