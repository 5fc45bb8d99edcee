using System.Diagnostics;
using System.Text.Json;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Request arguments per operation ("GET /path"), written by tests/prism/samples.js: the spec's examples, else
/// openapi-sampler's deterministic samples of the schemas. Parameters are keyed "in:name", bodies by media type; each
/// holds its candidates, best first (example, samples with pattern-matching strings, with and without the spec's
/// examples and defaults, per oneOf/anyOf branch, then openapi-sampler's own).
/// </summary>
public sealed class OperationSamples(JsonElement root)
{
    public static async Task<OperationSamples> CreateAsync(string specPath)
    {
        var output = Path.Combine(Path.GetTempPath(), "openapigen-samples-" + Guid.NewGuid().ToString("N") + ".json");
        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardError = true, WorkingDirectory = PrismServer.PrismDirectory };
        info.ArgumentList.Add(Path.Combine(PrismServer.PrismDirectory, "samples.js"));
        info.ArgumentList.Add(specPath);
        info.ArgumentList.Add(output);
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("samples.js failed for " + specPath + ":\n" + errors);
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
            return new OperationSamples(document.RootElement.Clone());
        }
        finally
        {
            File.Delete(output);
        }
    }

    public IReadOnlyList<JsonElement> Parameter(string method, string path, string location, string name) =>
        Find(method, path, "params", location + ":" + name);

    public IReadOnlyList<JsonElement> Body(string method, string path, string contentType) =>
        Find(method, path, "bodies", contentType);

    /// <summary>The most candidates any one value of the operation has (at least 1): how many variants are worth a call.</summary>
    public int MostCandidates(string method, string path) =>
        root.TryGetProperty(method + " " + path, out var op)
            ? new[] { "params", "bodies" }.SelectMany(section => op.TryGetProperty(section, out var values) ? values.EnumerateObject().Select(v => v.Value.GetArrayLength()) : []).DefaultIfEmpty(1).Max()
            : 1;

    /// <summary>samples.js could not sample this operation (its message), or null.</summary>
    public string? Error(string method, string path) =>
        root.TryGetProperty(method + " " + path, out var op) && op.TryGetProperty("error", out var error) ? error.GetString() : null;

    private IReadOnlyList<JsonElement> Find(string method, string path, string section, string key) =>
        root.TryGetProperty(method + " " + path, out var op) && op.TryGetProperty(section, out var values) && values.TryGetProperty(key, out var value)
            ? value.EnumerateArray().ToList()
            : [];
}
