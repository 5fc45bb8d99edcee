using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OpenApiGen.Tests;

/// <summary>The generator loads inside the compiler: it may reference only netstandard, Roslyn and what the package ships.</summary>
public class AssemblyReferenceTests
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "netstandard",
        "Microsoft.CodeAnalysis",
        "Microsoft.CodeAnalysis.CSharp",
        "System.Collections.Immutable", // Roslyn's own dependency, present in every compiler host
        "System.Memory",                // Span types on netstandard2.0; Roslyn depends on it too
        "System.Text.Json",             // provided by the .NET 10 compiler host (see ../shared/design/packaging.md)
        "Microsoft.OpenApi",            // shipped beside the generator
        "Microsoft.OpenApi.YamlReader", // shipped
        "SharpYaml",                    // shipped
        "Scriban.Signed",               // shipped
    };

    [Fact]
    public void Generator_references_only_expected_assemblies()
    {
        var path = typeof(OpenApiGenerator).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Contains("Microsoft.OpenApi", references);
        var unexpected = references.Where(r => !Allowed.Contains(r)).ToList();
        Assert.True(unexpected.Count == 0, "unexpected references: " + string.Join(", ", unexpected) + " (all: " + string.Join(", ", references) + ")");
    }
}

/// <summary>The catalogue, the release-tracking file, the README and docs/diagnostics.md list the same diagnostics.</summary>
public class DiagnosticCatalogueConsistencyTests
{
    [Fact]
    public void Every_descriptor_has_help_and_is_tracked_and_documented()
    {
        var unshipped = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "OpenApiGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics.md")).Replace("\r\n", "\n");
        var descriptors = OpenApiGen.Diagnostics.DiagnosticDescriptors.All.ToList();
        Assert.Equal(22, descriptors.Count);
        foreach (var d in descriptors)
        {
            Assert.StartsWith("OAG", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id + " has no help text");
            Assert.Contains($"{d.Id} | OpenApiGen | {d.DefaultSeverity}", unshipped);
            Assert.Contains($"| {d.Id} |", readme);
            // One section per ID, with the descriptor's help; no made-up web link.
            var section = docs.IndexOf($"## {d.Id}: {d.Title}\n", StringComparison.Ordinal);
            Assert.True(section >= 0, d.Id + " has no section in docs/diagnostics.md");
            var end = docs.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
            Assert.Contains(d.Description.ToString(), docs[section..(end < 0 ? docs.Length : end)]);
            Assert.Contains($"Severity: {d.DefaultSeverity}.", docs[section..(end < 0 ? docs.Length : end)]);
            Assert.True(string.IsNullOrEmpty(d.HelpLinkUri), d.Id + " links to " + d.HelpLinkUri);
        }
    }
}
