using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace OpenApiGen.Reading;

/// <summary>
/// Maps JSON pointers ("/paths/~1a/get") to line/column in the spec text, so diagnostics point at the node.
/// Built lazily: only specs that report something pay for the extra pass.
/// </summary>
public sealed class JsonPositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositionMap()
    {
    }

    /// <summary>
    /// Positions of the given pointers (and of every ancestor on their way) in a JSON spec. Subtrees off those paths are
    /// skipped without decoding, so a 13 MB spec with a handful of diagnostics costs one fast scan, not a full map.
    /// </summary>
    public static JsonPositionMap BuildFor(string text, IEnumerable<string> pointers)
    {
        var map = new JsonPositionMap();
        var root = new Trie("");
        foreach (var pointer in pointers) root.Add(Normalize(pointer));
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 4096 });
        try
        {
            if (reader.Read()) Walk(ref reader, root, map, lineStarts);
        }
        catch (JsonException)
        {
            // A broken file keeps the positions read so far; the syntax error itself is reported elsewhere.
        }
        return map;
    }

    private static void Walk(ref Utf8JsonReader reader, Trie node, JsonPositionMap map, List<int> lineStarts)
    {
        if (!map._positions.ContainsKey(node.Pointer)) map._positions[node.Pointer] = Position(lineStarts, (int)reader.TokenStartIndex);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var child = node.Match(ref reader);
                if (child is not null && !map._positions.ContainsKey(child.Pointer)) map._positions[child.Pointer] = Position(lineStarts, (int)reader.TokenStartIndex);
                reader.Read();
                if (child is not null) Walk(ref reader, child, map, lineStarts);
                else reader.Skip();
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var child = node.Child(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                index++;
                if (child is not null) Walk(ref reader, child, map, lineStarts);
                else reader.Skip();
            }
        }
    }

    private static string Normalize(string pointer) => pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;

    /// <summary>The wanted pointers as a tree of unescaped segments.</summary>
    private sealed class Trie
    {
        private readonly Dictionary<string, Trie> _children = new(StringComparer.Ordinal);
        private byte[][]? _keys;

        public Trie(string pointer) => Pointer = pointer;

        public string Pointer { get; }

        public void Add(string pointer)
        {
            var node = this;
            foreach (var raw in pointer.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = raw.Replace("~1", "/").Replace("~0", "~");
                if (!node._children.TryGetValue(segment, out var child))
                {
                    child = new Trie(node.Pointer + "/" + Escape(segment));
                    node._children[segment] = child;
                    node._keys = null;
                }
                node = child;
            }
        }

        public Trie? Child(string segment) => _children.TryGetValue(segment, out var child) ? child : null;

        // Compares the property name as UTF-8 without allocating a string for names off the wanted paths.
        public Trie? Match(ref Utf8JsonReader reader)
        {
            if (_children.Count == 0) return null;
            _keys ??= _children.Keys.Select(k => Encoding.UTF8.GetBytes(k)).ToArray();
            foreach (var key in _keys)
            {
                if (reader.ValueTextEquals(key)) return _children[Encoding.UTF8.GetString(key)];
            }
            return null;
        }
    }

    /// <summary>
    /// Positions of the given pointers (and of every ancestor on their way) in a YAML spec, from the parser's node marks
    /// (SharpYaml counts lines and columns from zero). Only the wanted paths are walked: mapping the whole of openai.yaml
    /// for its two warnings was a twelfth of reading it.
    /// </summary>
    public static JsonPositionMap BuildYamlFor(SharpYaml.Serialization.YamlStream? stream, IEnumerable<string> pointers)
    {
        var map = new JsonPositionMap();
        var root = new Trie("");
        foreach (var pointer in pointers) root.Add(Normalize(pointer));
        try
        {
            if (stream is null || stream.Documents.Count == 0) return map;
            var pending = new Stack<(SharpYaml.Serialization.YamlNode Node, Trie Wanted)>();
            pending.Push((stream.Documents[0].RootNode, root));
            while (pending.Count > 0)
            {
                var (node, wanted) = pending.Pop();
                if (!map._positions.ContainsKey(wanted.Pointer)) map._positions[wanted.Pointer] = (node.Start.Line, node.Start.Column);
                switch (node)
                {
                    case SharpYaml.Serialization.YamlMappingNode mapping:
                        foreach (var child in mapping.Children)
                        {
                            if (wanted.Child(child.Key is SharpYaml.Serialization.YamlScalarNode scalar ? scalar.Value ?? "" : "") is not { } next) continue;
                            // The key's position is where a reader looks for a property.
                            if (!map._positions.ContainsKey(next.Pointer)) map._positions[next.Pointer] = (child.Key.Start.Line, child.Key.Start.Column);
                            pending.Push((child.Value, next));
                        }
                        break;
                    case SharpYaml.Serialization.YamlSequenceNode sequence:
                        for (var i = 0; i < sequence.Children.Count; i++)
                        {
                            if (wanted.Child(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } next) pending.Push((sequence.Children[i], next));
                        }
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken file keeps what was mapped; the syntax error itself is reported elsewhere.
        }
        return map;
    }

    /// <summary>The whole map of a YAML document (small ones: overlays), from the parser's node marks.</summary>
    public static JsonPositionMap BuildYaml(SharpYaml.Serialization.YamlStream? stream)
    {
        var map = new JsonPositionMap();
        try
        {
            if (stream is null || stream.Documents.Count == 0) return map;
            var pending = new Stack<(SharpYaml.Serialization.YamlNode Node, string Pointer)>();
            pending.Push((stream.Documents[0].RootNode, ""));
            while (pending.Count > 0)
            {
                var (node, pointer) = pending.Pop();
                if (!map._positions.ContainsKey(pointer)) map._positions[pointer] = (node.Start.Line, node.Start.Column);
                switch (node)
                {
                    case SharpYaml.Serialization.YamlMappingNode mapping:
                        foreach (var child in mapping.Children)
                        {
                            var key = child.Key is SharpYaml.Serialization.YamlScalarNode scalar ? scalar.Value ?? "" : "";
                            var childPointer = pointer + "/" + Escape(key);
                            // The key's position is where a reader looks for a property.
                            if (!map._positions.ContainsKey(childPointer)) map._positions[childPointer] = (child.Key.Start.Line, child.Key.Start.Column);
                            pending.Push((child.Value, childPointer));
                        }
                        break;
                    case SharpYaml.Serialization.YamlSequenceNode sequence:
                        for (var i = 0; i < sequence.Children.Count; i++)
                        {
                            pending.Push((sequence.Children[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken file keeps what was mapped; the syntax error itself is reported elsewhere.
        }
        return map;
    }

    /// <summary>Position of the node at the pointer, or of its nearest recorded ancestor.</summary>
    public (int Line, int Column)? Find(string? pointer)
    {
        if (pointer is null) return null;
        var key = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        while (true)
        {
            if (_positions.TryGetValue(key, out var position)) return position;
            var slash = key.LastIndexOf('/');
            if (slash < 0) return _positions.TryGetValue("", out var root) ? root : null;
            key = key.Substring(0, slash);
        }
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");




    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - lineStarts[line]);
    }
}
