using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiGen.Tests.Prism;

/// <summary>One place where a served response breaks its schema, as ajv reports it (instance path as a JSON pointer).</summary>
/// <remarks>FromSampler: Prism's static sample breaks the schema here even when generated without the spec's examples.</remarks>
public sealed record ExampleViolation(string Path, string Keyword, string Message, string? MissingProperty = null, bool NoVariantMatched = false, string? Value = null, bool FromSampler = false)
{
    public IReadOnlyList<string> Segments => ExampleProof.PointerSegments(Path);

    public string Where => Path.Length == 0 ? "the body itself" : Path;
}

/// <summary>What Prism serves in static mode for one response media type, where it came from, and how it breaks the schema.</summary>
public sealed record ServedExample(string MediaType, string Source, IReadOnlyList<ExampleViolation> Violations);

/// <summary>
/// Proof that a static-mode failure is the spec's fault: tests/prism/check-example.js rebuilds the response Prism served
/// (prism-http's own loader and mocker: the media type's example, else the first of its examples, else the static sample
/// of the schema's own examples) and validates it with ajv against the response schema. The failure is explained only
/// when the served value breaks the schema exactly where the client failed:
/// - STJ's "Path: $.a[0].b": a violation at /a/0/b itself;
/// - "missing required properties including: 'x', 'y'": one object the validator also finds missing every one of them;
/// - "does not match any variant of U": a oneOf that no variant matches (or a failed anyOf) at a value whose property
///   name is part of U's name.
/// Anything else (a valid example, another kind of failure, a schema ajv cannot compile) stays unexplained.
/// </summary>
public static class ExampleProof
{
    private static readonly Dictionary<string, ExampleChecker> Checkers = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, IReadOnlyList<ServedExample>?> Cache = new(StringComparer.Ordinal);

    /// <summary>The spec error behind a static-mode response failure, or null when none is proven.</summary>
    public static string? Explain(string spec, CallOutcome outcome)
    {
        if (outcome.Mode != "static" || outcome.Failure is not { } failure || !TryParse(outcome.Operation, failure, out var method, out var path, out var status)) return null;
        if (!IsProvable(failure)) return null;
        var served = Served(spec, method, path, status);
        return served is null ? null : Match(method + " " + path, status, failure, served);
    }

    /// <summary>The cause when every JSON media type Prism could have served breaks the schema where the client failed.</summary>
    public static string? Match(string operation, int status, string failure, IReadOnlyList<ServedExample> served)
    {
        if (served.Count == 0) return null;
        var proofs = served.Select(s => (Served: s, Violation: ViolationAtFailure(failure, s.Violations))).ToList();
        if (proofs.Any(p => p.Violation is null)) return null;
        return string.Join("; ", proofs.Select(p => Cause(operation, status, p.Served, p.Violation!)));
    }

    private static string Cause(string operation, int status, ServedExample served, ExampleViolation violation)
    {
        var detail = violation.Where + ": " + violation.Message + (violation is { Keyword: not "required", Value: { } value } ? " (it has " + value + ")" : "");
        return violation.FromSampler
            ? "Prism limitation: the static response prism-http generates for " + operation + " " + status + " (" + served.MediaType
              + ", json-schema-sampler; the same without the spec's examples) violates the schema at " + detail
            : "spec error: the spec's example for " + operation + " " + status + " (" + served.MediaType + ", " + served.Source + ") violates its schema at " + detail;
    }

    internal static readonly Regex StjPath = new(@"Path: \$(\S*)", RegexOptions.CultureInvariant);

    internal static readonly Regex MissingRequired = new(@"missing required properties including: ((?:'[^']*'(?:, )?)+)", RegexOptions.CultureInvariant);

    internal static readonly Regex NoVariant = new(@"does not match any variant of (\w+)", RegexOptions.CultureInvariant);

    private static bool IsProvable(string failure) =>
        StjPath.IsMatch(failure) || MissingRequired.IsMatch(failure) || NoVariant.IsMatch(failure);

    /// <summary>The violation at the place the client failed, or null.</summary>
    public static ExampleViolation? ViolationAtFailure(string failure, IReadOnlyList<ExampleViolation> violations)
    {
        // Only the client's own message counts, not Prism's violation list appended to it.
        var own = failure.Split(ClientSweep.PrismInvalidResponse)[0];
        if (StjPath.Match(own) is { Success: true } path)
        {
            var at = StjSegments(path.Groups[1].Value);
            return violations.FirstOrDefault(v => v.Segments.SequenceEqual(at, StringComparer.Ordinal));
        }
        if (MissingRequired.Match(own) is { Success: true } missing)
        {
            var names = Regex.Matches(missing.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
            return violations.Where(v => v is { Keyword: "required", MissingProperty: not null })
                .GroupBy(v => v.Path, StringComparer.Ordinal)
                .FirstOrDefault(g => names.All(n => g.Any(v => v.MissingProperty == n)))?
                .First(v => v.MissingProperty == names[0]);
        }
        if (NoVariant.Match(own) is { Success: true } variant)
        {
            var union = variant.Groups[1].Value.ToLowerInvariant();
            return violations.FirstOrDefault(v => v.NoVariantMatched && NamePart(v.Segments) is var name && (name is null || union.Contains(name, StringComparison.Ordinal)));
        }
        return null;
    }

    /// <summary>The last property name of an instance path, lower case and without separators; null at the root or in arrays only.</summary>
    private static string? NamePart(IReadOnlyList<string> segments)
    {
        var name = segments.LastOrDefault(s => !s.All(char.IsAsciiDigit));
        return name is null ? null : new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
    }

    /// <summary>STJ's "$.a[0]['b c']" (without the "$") as ["a", "0", "b c"].</summary>
    public static IReadOnlyList<string> StjSegments(string path) =>
        Regex.Matches(path, @"\.([^.\[]+)|\[(\d+)\]|\['((?:[^']|'')*)'\]")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)
            .ToList();

    /// <summary>A JSON pointer ("/a/0/b~1c") as ["a", "0", "b/c"].</summary>
    public static IReadOnlyList<string> PointerSegments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    internal static bool TryParse(string operation, string failure, out string method, out string path, out int status)
    {
        var op = Regex.Match(operation, @"^(\S+) (\S+) \(");
        var response = Regex.Match(failure, @"^response \((\d{3})\): ");
        method = op.Groups[1].Value;
        path = op.Groups[2].Value;
        status = response.Success ? int.Parse(response.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return op.Success && response.Success;
    }

    private static IReadOnlyList<ServedExample>? Served(string spec, string method, string path, int status)
    {
        var key = spec + " " + method + " " + path + " " + status;
        lock (Checkers)
        {
            if (Cache.TryGetValue(key, out var cached)) return cached;
        }
        var served = Checker(spec).Check(method, path, status);
        lock (Checkers) Cache[key] = served;
        return served;
    }

    /// <summary>The spec's one check-example.js process (it loads the spec once).</summary>
    internal static ExampleChecker Checker(string spec)
    {
        lock (Checkers)
        {
            if (!Checkers.TryGetValue(spec, out var checker)) Checkers[spec] = checker = new ExampleChecker(Path.Combine(TestPaths.SharedSpecs, spec));
            return checker;
        }
    }
}

/// <summary>One `node check-example.js &lt;spec&gt;` process: loads the spec once, answers one query per line.</summary>
internal sealed class ExampleChecker
{
    private readonly string _specPath;
    private readonly object _gate = new();
    private Process? _process;

    public ExampleChecker(string specPath) => _specPath = specPath;

    /// <summary>What Prism serves for that response in static mode and how it breaks the schema; null when it could not be checked.</summary>
    public IReadOnlyList<ServedExample>? Check(string method, string path, int status)
    {
        using var answer = Ask(new { method, path, status });
        if (answer is null || !answer.RootElement.TryGetProperty("served", out var served)) return null;
        return served.EnumerateArray().Select(s => new ServedExample(
            s.GetProperty("mediaType").GetString()!,
            s.GetProperty("source").GetString()!,
            s.GetProperty("violations").EnumerateArray().Select(Violation).ToList())).ToList();
    }

    /// <summary>How a received JSON body breaks the schema of that response and media type (empty: valid); null when it could not be checked.</summary>
    public IReadOnlyList<ExampleViolation>? CheckReceived(string method, string path, int status, string mediaType, JsonElement body)
    {
        using var answer = Ask(new { method, path, status, mediaType, body });
        if (answer is null || !answer.RootElement.TryGetProperty("received", out var received)) return null;
        return received.EnumerateArray().Select(Violation).ToList();
    }

    private JsonDocument? Ask(object query)
    {
        lock (_gate)
        {
            var process = Start();
            process.StandardInput.WriteLine(JsonSerializer.Serialize(query));
            process.StandardInput.Flush();
            var line = process.StandardOutput.ReadLine();
            return line is null ? null : JsonDocument.Parse(line);
        }
    }

    private static ExampleViolation Violation(JsonElement v)
    {
        var keyword = v.GetProperty("keyword").GetString()!;
        var parameters = v.GetProperty("params");
        var missing = parameters.TryGetProperty("missingProperty", out var m) ? m.GetString() : null;
        // oneOf: passingSchemas is null when no variant matched (an array when several did); a failed anyOf matched none.
        var noVariant = keyword == "anyOf" || (keyword == "oneOf" && parameters.TryGetProperty("passingSchemas", out var passing) && passing.ValueKind == JsonValueKind.Null);
        var value = v.TryGetProperty("value", out var excerpt) ? excerpt.GetString() : null;
        var sampler = v.TryGetProperty("sampler", out var fromSampler) && fromSampler.ValueKind == JsonValueKind.True;
        return new ExampleViolation(v.GetProperty("path").GetString()!, keyword, v.GetProperty("message").GetString()!, missing, noVariant, value, sampler);
    }

    private Process Start()
    {
        if (_process is { HasExited: false }) return _process;
        var info = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = PrismServer.PrismDirectory,
        };
        info.ArgumentList.Add(Path.Combine(PrismServer.PrismDirectory, "check-example.js"));
        info.ArgumentList.Add(_specPath);
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var started = _process;
        // The process ends when its stdin closes; this only makes sure it does when the test host exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                started.StandardInput.Close();
                if (!started.WaitForExit(2000)) started.Kill();
            }
            catch (InvalidOperationException)
            {
            }
        };
        return _process;
    }
}
