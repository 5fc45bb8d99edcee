using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>First stage: picks spec files among AdditionalFiles and copies out their text and metadata as values.</summary>
public static class SpecInputReader
{
    public static bool IsCandidate(AdditionalText file)
    {
        var extension = Path.GetExtension(file.Path);
        return extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        string? Own(string name) => fileOptions.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        // Every item option can be set once for the project as an MSBuild property of the same name; the item's own wins.
        string? Get(string name) => Own(name) ?? (options.GlobalOptions.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        // Other JSON/YAML files (appsettings.json …) are ignored unless the item itself marks them; a cheap check avoids parsing them.
        if (Own("OpenApiGenerate") is null && Own("OpenApiNamespace") is null && !LooksLikeOpenApi(text)) return null;
        return new SpecInput(file.Path, text, Get("OpenApiNamespace"), Get("OpenApiClientName"), Get("OpenApiGenerate"),
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace, Get("OpenApiInclude"), Get("OpenApiExclude"),
            Own("OpenApiReferenceClassName"), Own("OpenApiReferenceOptions"));
    }

    private static bool LooksLikeOpenApi(string text) =>
        text.IndexOf("openapi", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("swagger", StringComparison.OrdinalIgnoreCase) >= 0;
}
