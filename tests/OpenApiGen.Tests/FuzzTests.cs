using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Xunit.Abstractions;

namespace OpenApiGen.Tests;

/// <summary>
/// Mutation fuzzing with a fixed seed: real specs are mutated (nodes deleted, duplicated, retyped, $refs swapped, odd
/// names and strings injected, files truncated, schemas nested 1,000 deep, huge enums). For every mutant no exception
/// may escape the generator, and whenever the generator reports no error its output must compile.
/// OPENAPIGEN_FUZZ_MUTANTS (default 2,000; use 20,000+ for a long run) and OPENAPIGEN_FUZZ_SEED change the run.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] OddStrings =
    {
        "a\"b", "back\\slash", "@", "{}", " ", "class", "", "\u0000", "\ud800", "😀", "1abc", "$ref", "-", "*/", "</summary>",
        "line\n#error x", "\r\n#pragma warning disable", "System.Environment.Exit(42);", "\"\"\"", "default", "Item", "ToString",
    };

    [Fact]
    public void Mutants_never_crash_and_compile_whenever_no_error_is_reported()
    {
        var mutants = int.TryParse(Environment.GetEnvironmentVariable("OPENAPIGEN_FUZZ_MUTANTS"), out var m) ? m : 2000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OPENAPIGEN_FUZZ_SEED"), out var s) ? s : 20261129;
        var corpus = Corpus();
        Assert.NotEmpty(corpus);

        var escapes = new ConcurrentBag<string>();
        var compileFailures = new ConcurrentBag<string>();
        var compiled = new ConcurrentDictionary<string, bool>();
        var generatorErrors = 0;
        Parallel.For(0, mutants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // One RNG per mutant: the same seed gives the same mutants whatever the thread schedule.
            var random = new Random(unchecked(seed * 1_000_003 + i)); // not HashCode.Combine: it is randomized per process
            var (name, document) = corpus[random.Next(corpus.Count)];
            var (text, description) = Mutate(document.DeepClone(), random);
            var spec = new SpecFile($"/fuzz/{i}-{name}.json", text, "Fuzz.Api", "Client;Server;Models");
            var (result, compilation) = GeneratorHarness.Run(spec);
            var exception = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (exception is not null)
            {
                escapes.Add($"#{i} {name} [{description}]: {exception.GetType().Name}: {exception.Message}");
                return;
            }
            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Interlocked.Increment(ref generatorErrors);
                return;
            }
            // Identical outputs compile identically: compile each distinct output once.
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", result.GeneratedTrees.Select(t => t.GetText().ToString())))));
            if (!compiled.TryAdd(hash, true)) return;
            var errors = GeneratorHarness.CompileErrors(compilation);
            if (errors.Count > 0) compileFailures.Add($"#{i} {name} [{description}]: {errors.Count} errors, first: {errors[0]}");
        });

        var summary = $"fuzz: seed={seed} mutants={mutants} generator-errors={generatorErrors} escapes={escapes.Count} compile-failures-without-error={compileFailures.Count} distinct-outputs-compiled={compiled.Count}";
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results")).FullName, "fuzz.txt"),
            summary + "\n" + string.Join("\n", escapes.Concat(compileFailures)) + "\n");
        foreach (var line in escapes.Concat(compileFailures).Take(30)) output.WriteLine(line);
        Assert.True(escapes.IsEmpty, summary + "\n" + string.Join("\n", escapes.Take(10)));
        Assert.True(compileFailures.IsEmpty, summary + "\n" + string.Join("\n", compileFailures.Take(10)));
    }

    /// <summary>The project's specs and the small real specs (the big ones would make each mutant slow, not more interesting).</summary>
    private static List<(string Name, JsonNode Document)> Corpus()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "specs")).ToList();
        if (Directory.Exists(TestPaths.SharedSpecs))
        {
            files.AddRange(Directory.EnumerateFiles(TestPaths.SharedSpecs).Where(f => !f.EndsWith(".tsv") && new FileInfo(f).Length < 120_000));
        }
        var corpus = new List<(string, JsonNode)>();
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            JsonNode? node;
            if (file.EndsWith(".json"))
            {
                node = JsonNode.Parse(text);
            }
            else
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(text));
                node = YamlConverter.ToJsonNode(yaml.Documents[0]);
            }
            if (node is not null) corpus.Add((Path.GetFileName(file), node));
        }
        return corpus;
    }

    private static (string Text, string Description) Mutate(JsonNode document, Random random)
    {
        var applied = new List<string>();
        var count = 1 + random.Next(3);
        for (var n = 0; n < count; n++)
        {
            var nodes = Flatten(document).ToList();
            var (parent, key, node) = nodes[random.Next(nodes.Count)];
            var kind = random.Next(10);
            switch (kind)
            {
                case 0 when parent is not null: Remove(parent, key); applied.Add("delete " + NodePath(node)); break;
                case 1 when parent is JsonObject o: o[key + "_copy"] = node?.DeepClone(); applied.Add("duplicate " + NodePath(node)); break;
                case 1 when parent is JsonArray a: a.Add(node?.DeepClone()); applied.Add("duplicate " + NodePath(node)); break;
                case 2 when parent is not null: Replace(parent, key, Retyped(node, random)); applied.Add("retype " + NodePath(node)); break;
                case 3: SwapRef(document, random); applied.Add("swap $ref"); break;
                case 4 when parent is JsonObject o && key is string k:
                    var value = node?.DeepClone();
                    o.Remove(k);
                    o[OddStrings[random.Next(OddStrings.Length)] + (random.Next(2) == 0 ? "" : k)] = value;
                    applied.Add("rename " + NodePath(node)); break;
                case 5 when node is JsonValue v && v.GetValueKind() == JsonValueKind.String && parent is not null:
                    Replace(parent, key, JsonValue.Create(OddStrings[random.Next(OddStrings.Length)])); applied.Add("odd string " + NodePath(node)); break;
                case 6 when node is JsonObject schema && parent is not null:
                    Replace(parent, key, Nest(schema.DeepClone(), 1000)); applied.Add("nest 1000 " + NodePath(node)); break;
                case 7 when node is JsonObject schema:
                    schema["type"] = "string";
                    schema["enum"] = new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode?)JsonValue.Create(i % 97 == 0 ? OddStrings[i % OddStrings.Length] + i : "v" + i)).ToArray());
                    applied.Add("huge enum " + NodePath(node)); break;
                case 8:
                    var text = document.ToJsonString(new JsonSerializerOptions { MaxDepth = 4096 });
                    return (text.Substring(0, random.Next(text.Length)), string.Join("; ", applied.Append("truncate")));
                default:
                    if (parent is not null) { Replace(parent, key, null); applied.Add("null " + NodePath(node)); }
                    break;
            }
        }
        return (document.ToJsonString(new JsonSerializerOptions { MaxDepth = 4096 }), string.Join("; ", applied));
    }

    private static IEnumerable<(JsonNode? Parent, object Key, JsonNode? Node)> Flatten(JsonNode root)
    {
        var stack = new Stack<(JsonNode?, object, JsonNode?)>();
        stack.Push((null, "", root));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            switch (item.Item3)
            {
                case JsonObject o:
                    foreach (var p in o) stack.Push((o, p.Key, p.Value));
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) stack.Push((a, i, a[i]));
                    break;
            }
        }
    }

    private static string NodePath(JsonNode? node) => node?.GetPath() ?? "null";

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject o) o.Remove((string)key);
        else if (parent is JsonArray a) a.RemoveAt((int)key);
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o) o[(string)key] = value;
        else if (parent is JsonArray a) a[(int)key] = value;
    }

    private static JsonNode? Retyped(JsonNode? node, Random random) => random.Next(6) switch
    {
        0 => JsonValue.Create("x"),
        1 => JsonValue.Create(42),
        2 => JsonValue.Create(true),
        3 => new JsonArray(),
        4 => new JsonObject(),
        _ => node is JsonValue ? new JsonObject { ["type"] = "object" } : JsonValue.Create(-1.5),
    };

    private static void SwapRef(JsonNode document, Random random)
    {
        var refs = Flatten(document).Where(n => n.Key is "$ref" && n.Parent is JsonObject).ToList();
        if (refs.Count == 0) return;
        var (parent, _, _) = refs[random.Next(refs.Count)];
        var targets = refs.Select(r => r.Node?.ToString() ?? "").Concat(new[] { "#/components/schemas/DoesNotExist", "other.json#/a", "#/paths", "#", "http://example.com/x" }).ToList();
        parent!["$ref"] = targets[random.Next(targets.Count)];
    }

    private static JsonNode Nest(JsonNode inner, int depth)
    {
        for (var i = 0; i < depth; i++) inner = new JsonObject { ["type"] = "array", ["items"] = inner };
        return inner;
    }
}
