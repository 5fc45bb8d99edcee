using System;
using System.Collections.Generic;
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

    public static JsonPositionMap Build(string text)
    {
        var map = new JsonPositionMap();
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 4096 });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var inArray = new Stack<bool>();
        try
        {
            while (reader.Read())
            {
                var position = Position(lineStarts, (int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path.Add(reader.GetString() ?? "");
                        map.Record(path, position);
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        EnterValue(map, path, inArray, arrayIndex, position);
                        inArray.Push(reader.TokenType == JsonTokenType.StartArray);
                        arrayIndex.Push(-1);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        inArray.Pop();
                        arrayIndex.Pop();
                        LeaveValue(path);
                        continue;
                    default:
                        EnterValue(map, path, inArray, arrayIndex, position);
                        LeaveValue(path);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // A broken file keeps the positions read so far; the syntax error itself is reported elsewhere.
        }
        return map;
    }

    /// <summary>The same map for a YAML spec, from the YAML parser's node marks (SharpYaml counts lines and columns from zero).</summary>
    public static JsonPositionMap BuildYaml(string text)
    {
        var map = new JsonPositionMap();
        try
        {
            var stream = new SharpYaml.Serialization.YamlStream();
            stream.Load(new System.IO.StringReader(text));
            if (stream.Documents.Count == 0) return map;
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

    private static void EnterValue(JsonPositionMap map, List<string> path, Stack<bool> inArray, Stack<int> arrayIndex, (int, int) position)
    {
        if (inArray.Count > 0 && inArray.Peek())
        {
            var index = arrayIndex.Pop() + 1;
            arrayIndex.Push(index);
            path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            map.Record(path, position);
        }
        else if (path.Count == 0)
        {
            map.Record(path, position);
        }
    }

    // Every value except the root was entered under a segment (property name or array index): drop it.
    private static void LeaveValue(List<string> path)
    {
        if (path.Count > 0) path.RemoveAt(path.Count - 1);
    }

    private void Record(List<string> path, (int, int) position)
    {
        var sb = new StringBuilder();
        foreach (var segment in path) sb.Append('/').Append(Escape(segment));
        var key = sb.ToString();
        if (!_positions.ContainsKey(key)) _positions[key] = position;
    }

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
