using System;
using System.IO;
using System.Linq;
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
        if (Own("OpenApiOverlay") is not null) return null; // an overlay of a spec, not a spec (see ReadOverlay)
        // Other JSON/YAML files (appsettings.json …) are ignored unless the item itself marks them; a cheap check avoids parsing them.
        if (Own("OpenApiGenerate") is null && Own("OpenApiNamespace") is null && !LooksLikeOpenApi(text)) return null;
        return new SpecInput(file.Path, text, Get("OpenApiNamespace"), Get("OpenApiClientName"), Get("OpenApiGenerate"),
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace, Get("OpenApiInclude"), Get("OpenApiExclude"),
            Own("OpenApiReferenceClassName"), Own("OpenApiReferenceOptions"),
            IncludeFromProject: Own("OpenApiInclude") is null, ExcludeFromProject: Own("OpenApiExclude") is null,
            StreamArrays: string.Equals(Get("OpenApiStreamArrays"), "true", StringComparison.OrdinalIgnoreCase),
            Streams: !string.Equals(Get("OpenApiStreams"), "false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An AdditionalFiles item with OpenApiOverlay metadata: an overlay of the spec file that metadata names.</summary>
    public static OverlayInput? ReadOverlay(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.OpenApiOverlay", out var target) || string.IsNullOrWhiteSpace(target)) return null;
        return new OverlayInput(file.Path, file.GetText(cancellationToken)?.ToString() ?? "", target.Trim());
    }

    /// <summary>The spec with the overlays that name it, in the order of their paths.</summary>
    public static SpecInput WithOverlays(SpecInput spec, System.Collections.Immutable.ImmutableArray<OverlayInput> overlays)
    {
        var mine = overlays.Where(o => Names(o, spec.Path)).OrderBy(o => o.Path, StringComparer.Ordinal).ToArray();
        return mine.Length == 0 ? spec : spec with { Overlays = mine.ToEquatableArray() };
    }

    /// <summary>
    /// OpenApiOverlay names a spec by its file name or by a path ending in it (as written in the project, either separator,
    /// any case: project files are written on Windows and macOS too). Leading "./" and "../" segments say nothing.
    /// </summary>
    public static bool Names(OverlayInput overlay, string specPath)
    {
        var wanted = overlay.Target.Replace('\\', '/');
        while (wanted.StartsWith("./", StringComparison.Ordinal) || wanted.StartsWith("../", StringComparison.Ordinal)) wanted = wanted.Substring(wanted.IndexOf('/') + 1);
        var path = specPath.Replace('\\', '/');
        return wanted.Length > 0 && (path.Equals(wanted, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static bool LooksLikeOpenApi(string text) =>
        text.IndexOf("openapi", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("swagger", StringComparison.OrdinalIgnoreCase) >= 0;
}
