using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace OpenApiGen.Reading;

/// <summary>
/// The spec as plain JSON nodes, parsed only when needed: the reader normalizes some $refs
/// ("#/components/responses/X/content/…/schema" becomes "#/components/schemas/schema"), so the original text is read here.
/// </summary>
public sealed class RawDocument
{
    private readonly Lazy<JsonNode?> _root;

    /// <param name="yaml">The YAML text's one parse, shared with the position map (SharpYaml is the slow part of reading YAML).</param>
    public RawDocument(string text, bool isJson, Func<YamlStream?> yaml) => _root = new Lazy<JsonNode?>(() => Parse(text, isJson, yaml));

    /// <summary>The whole document as nodes, or null when it does not parse.</summary>
    public JsonNode? Root => _root.Value;

    /// <summary>The "$ref" string written at the node the pointer names, following $refs met on the way.</summary>
    public string? RefAt(string pointer)
    {
        var root = _root.Value;
        if (root is null || !pointer.StartsWith("#", StringComparison.Ordinal)) return null;
        var node = Navigate(root, root, pointer.Substring(1), depth: 0);
        return node is JsonObject o && o.TryGetPropertyValue("$ref", out var r) && r is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    /// <summary>Whether the document has a node where the pointer points (following $refs on the way).</summary>
    public bool Has(string pointer)
    {
        var root = _root.Value;
        return root is not null && pointer.StartsWith("#", StringComparison.Ordinal) && Navigate(root, root, pointer.Substring(1), depth: 0) is not null;
    }

    /// <summary>The boolean written at the node the pointer names, or null when there is none.</summary>
    public bool? BoolAt(string pointer)
    {
        var root = _root.Value;
        if (root is null || !pointer.StartsWith("#", StringComparison.Ordinal)) return null;
        if (Navigate(root, root, pointer.Substring(1), depth: 0) is not JsonValue v) return null;
        if (v.TryGetValue<bool>(out var b)) return b;
        return v.TryGetValue<string>(out var text) && bool.TryParse(text, out b) ? b : null; // YAML scalars may arrive as text
    }

    /// <summary>Loads YAML text once; null when it does not load (the reader reports why).</summary>
    public static YamlStream? LoadYaml(string text)
    {
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            return yaml;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static JsonNode? Navigate(JsonNode root, JsonNode? node, string pointer, int depth)
    {
        if (depth > 32) return null;
        foreach (var raw in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (node is JsonObject obj && !obj.ContainsKey(segment) && obj.TryGetPropertyValue("$ref", out var r) && r is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith("#", StringComparison.Ordinal))
            {
                node = Navigate(root, root, target.Substring(1), depth + 1);
            }
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray a => int.TryParse(segment, out var i) && i >= 0 && i < a.Count ? a[i] : null,
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static JsonNode? Parse(string text, bool isJson, Func<YamlStream?> parseYaml)
    {
        try
        {
            // Strict JSON, as the OpenAPI reader parses it (the reader reads this same tree), deep specs included.
            if (isJson) return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 4096 });
            var yaml = parseYaml();
            return yaml is null || yaml.Documents.Count == 0 ? null : YamlConverter.ToJsonNode(yaml.Documents[0]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
