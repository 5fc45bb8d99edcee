using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;

namespace OpenApiGen.Reading;

/// <summary>
/// The checks of OpenAPI.NET's validator that find something in real specs, as OAG004 warnings. Its full validation walks
/// the whole document and every reference again (a sixth of reading github-api.json), and across the 34 corpus specs it
/// reported only these three, so reading turns it off: paths and responses are checked here, discriminators as
/// schemas are mapped.
/// </summary>
public static class DocumentChecks
{
    private static readonly Regex Template = new(@"\{[^}]*\}", RegexOptions.CultureInvariant);

    public static void Run(OpenApiDocument document, References references, ReadContext context)
    {
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in (document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pointer = "#/paths/" + JsonPositionMap.Escape(path.Key);
            // Two templates that differ only in parameter names are one route: a server could not tell them apart.
            var signature = Template.Replace(path.Key, "{}");
            if (!signatures.Add(signature)) context.Report(DiagnosticDescriptors.ReaderWarning.Id, pointer, $"The path signature '{signature}' MUST be unique.");
            foreach (var operation in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                if (operation.Value.Responses is not { Count: > 0 })
                {
                    context.Report(DiagnosticDescriptors.ReaderWarning.Id, pointer + "/" + operation.Key.Method.ToLowerInvariant() + "/responses", "Responses must contain at least one response");
                }
            }
        }
    }

    /// <summary>Checks a schema reading maps (schemas no operation uses report nothing, as everywhere in reading).</summary>
    public static void Discriminator(IOpenApiSchema schema, string pointer, References references, ReadContext context)
    {
        if (schema is not OpenApiSchema { Discriminator: { } discriminator } || IsRequired(schema, discriminator.PropertyName, references)) return;
        context.Report(DiagnosticDescriptors.ReaderWarning.Id, pointer + "/discriminator",
            $"Schema {pointer} must contain property specified in the discriminator {discriminator.PropertyName} in the required field list.");
    }

    // Required by the schema itself, or declared or required by a schema it combines (followed through references).
    private static bool IsRequired(IOpenApiSchema schema, string? name, References references)
    {
        if (string.IsNullOrEmpty(name)) return false;
        if (schema.Required?.Contains(name!) == true) return true;
        var pending = new Queue<IOpenApiSchema>(Combined(schema, references));
        var seen = new HashSet<IOpenApiSchema>();
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            if (!seen.Add(next)) continue;
            if (next.Properties?.ContainsKey(name!) == true || next.Required?.Contains(name!) == true) return true;
            foreach (var part in Combined(next, references)) pending.Enqueue(part);
        }
        return false;
    }

    private static IEnumerable<IOpenApiSchema> Combined(IOpenApiSchema schema, References references) =>
        (schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
            .Select(references.Schema).Where(s => s is not null).Select(s => s!);
}
