using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>
/// What an &lt;OpenApiReference&gt; item (NSwag.ApiDescription.Client) asked for, in OpenApiGen's terms: its ClassName
/// (NSwag names the whole class, "PetstoreClient"; OpenApiGen names the API, "Petstore") and the NSwag command-line flags
/// in its Options. Flags OpenApiGen does the same way are accepted silently; every other flag is OAG020, named.
/// </summary>
public sealed class OpenApiReferenceOptions
{
    // NSwag flag → the values under which OpenApiGen's output already behaves that way (null: any value).
    private static readonly Dictionary<string, string[]?> SameBehavior = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ClassName"] = null,
        ["Namespace"] = null,
        ["GenerateClientInterfaces"] = null, // interfaces are always generated; "false" only means fewer types
        ["GenerateClientClasses"] = new[] { "true" },
        ["GenerateDtoTypes"] = new[] { "true" },
        ["GenerateExceptionClasses"] = new[] { "true" },
        ["InjectHttpClient"] = new[] { "true" },
        ["DisposeHttpClient"] = new[] { "false" },
        ["UseBaseUrl"] = null, // the options' BaseAddress, else the HttpClient's: both of NSwag's behaviors
        ["JsonLibrary"] = new[] { "SystemTextJson" },
        ["GenerateOptionalParameters"] = new[] { "true" },
        ["UseCancellationToken"] = new[] { "true" },
    };

    private OpenApiReferenceOptions(string? clientName, string? @namespace)
    {
        ClientName = clientName;
        Namespace = @namespace;
    }

    /// <summary>The client's name without NSwag's "Client" suffix, or null when the item did not name its class.</summary>
    public string? ClientName { get; }

    public string? Namespace { get; }

    public static OpenApiReferenceOptions Read(SpecInput input, ReadContext context)
    {
        var flags = Flags(input.ReferenceOptions);
        var unmapped = flags
            .Where(f => !SameBehavior.TryGetValue(f.Key, out var values) || (values is not null && !values.Contains(f.Value, StringComparer.OrdinalIgnoreCase)))
            .Select(f => "/" + f.Key + (f.Value.Length > 0 ? ":" + f.Value : ""))
            .ToList();
        if (unmapped.Count > 0) context.Report(DiagnosticDescriptors.NSwagOptionNotMapped.Id, null, string.Join(" ", unmapped), input.Path);
        var className = !string.IsNullOrWhiteSpace(input.ReferenceClassName) ? input.ReferenceClassName : flags.LastOrDefault(f => f.Key.Equals("ClassName", StringComparison.OrdinalIgnoreCase)).Value;
        var @namespace = flags.LastOrDefault(f => f.Key.Equals("Namespace", StringComparison.OrdinalIgnoreCase)).Value;
        return new OpenApiReferenceOptions(WithoutClientSuffix(className), string.IsNullOrWhiteSpace(@namespace) ? null : @namespace);
    }

    // "/GenerateClientInterfaces:true /ClassName:Foo" → (GenerateClientInterfaces, true), (ClassName, Foo).
    private static List<KeyValuePair<string, string>> Flags(string? options)
    {
        var flags = new List<KeyValuePair<string, string>>();
        foreach (var token in (options ?? "").Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var text = token.TrimStart('/', '-');
            var colon = text.IndexOfAny(new[] { ':', '=' });
            flags.Add(colon < 0
                ? new KeyValuePair<string, string>(text, "")
                : new KeyValuePair<string, string>(text.Substring(0, colon), text.Substring(colon + 1).Trim('"')));
        }
        return flags;
    }

    private static string? WithoutClientSuffix(string? className)
    {
        if (string.IsNullOrWhiteSpace(className)) return null;
        var name = className!.Trim();
        // NSwag's "{controller}Client" template has no single name: let the title name it.
        if (name.IndexOf('{') >= 0) return null;
        return name.Length > "Client".Length && name.EndsWith("Client", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Client".Length) : name;
    }
}
