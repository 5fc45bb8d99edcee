using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenApiGen.Emit;

/// <summary>The plain C# files of runtime/, embedded in the generator and added once per compilation.</summary>
public static class RuntimeSources
{
    private const string Prefix = "OpenApiGen.Runtime.";

    public static IReadOnlyList<(string HintName, string Text)> All { get; } = Load();

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
