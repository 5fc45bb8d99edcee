using Microsoft.CodeAnalysis;

namespace OpenApiGen.Cli;

internal static class Commands
{
    private static readonly string[] GenerateOptions = ["--output", "--namespace", "--client-name", "--generate", "--include", "--exclude"];

    /// <summary>Writes every file the generator would add to a compilation into the output folder.</summary>
    public static Task<int> GenerateAsync(Arguments args)
    {
        if (args.Positional.Count != 1 || args["--output"] is not { } output || args.OptionNames.Any(o => !GenerateOptions.Contains(o))) return Task.FromResult(Usage.Print());
        var run = GeneratorRun.Run(args.Positional[0], args["--namespace"], args["--client-name"], args["--generate"] ?? "Client;Models", args["--include"], args["--exclude"]);
        if (run is null) return Task.FromResult(1);
        Print(run.Diagnostics);
        if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return Task.FromResult(1);
        Directory.CreateDirectory(output);
        foreach (var (hintName, text) in run.Files)
        {
            File.WriteAllText(Path.Combine(output, hintName), text);
        }
        Console.WriteLine($"{run.Files.Count} files written to {Path.GetFullPath(output)}");
        return Task.FromResult(0);
    }

    /// <summary>Every diagnostic of the spec, compiler-style; non-zero when any is an error.</summary>
    public static int Check(Arguments args)
    {
        if (args.Positional.Count != 1 || args.OptionNames.Any()) return Usage.Print();
        var run = GeneratorRun.Run(args.Positional[0], null, null, "Client;Server;Models", null, null);
        if (run is null) return 1;
        Print(run.Diagnostics);
        var errors = run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"{args.Positional[0]}: {errors} error(s), {run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)} warning(s)");
        return errors > 0 ? 1 : 0;
    }

    /// <summary>Fetches a spec into a file: what a source generator may not do.</summary>
    public static async Task<int> DownloadAsync(Arguments args)
    {
        if (args.Positional.Count != 1 || args["--output"] is not { } output || !Uri.TryCreate(args.Positional[0], UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Usage.Print();
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        try
        {
            using var response = await http.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                return 1;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null) Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(output, bytes);
            Console.WriteLine($"{bytes.Length} bytes from {url} written to {Path.GetFullPath(output)}");
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{url}: {(ex is TaskCanceledException ? "timed out" : ex.Message)}");
            return 1;
        }
    }

    // "path(line,col): warning OAG019: message", as the compiler prints it.
    private static void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line))
        {
            Console.WriteLine(diagnostic.ToString());
        }
    }
}
