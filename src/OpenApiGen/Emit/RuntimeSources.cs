using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>The runtime/ files, one flag each: a compilation gets only those its generated code uses.</summary>
[System.Flags]
public enum RuntimePart
{
    None = 0,
    Http = 1,
    JsonRecords = 2,
    OpenEnums = 4,
    Redirects = 8,
    Unions = 16,
    Endpoints = 32,
    Streams = 64,
    StreamResults = 128,
}

/// <summary>
/// The plain C# files of runtime/, embedded in the generator and added once per compilation — only those the
/// compilation's generated code uses, so a small spec does not pay for plumbing it has no use for.
/// </summary>
public static class RuntimeSources
{
    private const string Prefix = "OpenApiGen.Runtime.";

    public static IReadOnlyList<(string HintName, string Text)> All { get; } = Load();

    /// <summary>The runtime files a generated file calls into.</summary>
    public static RuntimePart PartsFor(RenderUnit unit) => unit.Kind switch
    {
        RenderKind.ClientCore => RuntimePart.Http | RuntimePart.Redirects,
        // Streaming needs System.Net.ServerSentEvents (in the framework from .NET 9): only groups that stream pull it in.
        RenderKind.ClientGroup => RuntimePart.Http | (Streams(unit) ? RuntimePart.Streams : RuntimePart.None),
        RenderKind.MinimalGroup => RuntimePart.Endpoints | (Streams(unit) ? RuntimePart.StreamResults : RuntimePart.None),
        RenderKind.ServerGroup => Streams(unit) ? RuntimePart.StreamResults : RuntimePart.None,
        RenderKind.Model => unit.Model!.Kind switch
        {
            ModelKind.Enum => RuntimePart.OpenEnums,
            ModelKind.Union => RuntimePart.Unions,
            // A polymorphic base reads its discriminator with the unions' scanner.
            _ => RuntimePart.JsonRecords | (unit.Model.DiscriminatorCases.Count > 0 ? RuntimePart.Unions : RuntimePart.None),
        },
        _ => RuntimePart.None,
    };

    private static bool Streams(RenderUnit unit) => unit.Group!.Operations.Any(op => op.Stream is not null);

    public static IEnumerable<(string HintName, string Text)> For(RuntimePart parts) =>
        All.Where(file => (parts & PartOf(file.HintName)) != 0);

    // OpenApiGen.Runtime.Unions.g.cs → RuntimePart.Unions
    private static RuntimePart PartOf(string hintName) =>
        (RuntimePart)System.Enum.Parse(typeof(RuntimePart), hintName.Substring(Prefix.Length, hintName.Length - Prefix.Length - ".g.cs".Length));

    private static IReadOnlyList<(string HintName, string Text)> Load()
    {
        var assembly = typeof(RuntimeSources).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                // OpenApiGen.Runtime.OpenEnums.cs → OpenApiGen.Runtime.OpenEnums.g.cs
                return (name.Substring(0, name.Length - 3) + ".g.cs", reader.ReadToEnd().Replace("\r\n", "\n"));
            })
            .ToList();
    }
}
