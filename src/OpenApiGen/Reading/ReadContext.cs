using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>Collects located diagnostics while one spec is read.</summary>
public sealed class ReadContext
{
    private readonly string _path;
    private readonly string _text;
    private readonly bool _isJson;
    private readonly List<(string Id, string? Pointer, string[] Args, LocationInfo? Location)> _pending = new();
    private List<DiagnosticInfo>? _diagnostics;
    private readonly Lazy<SharpYaml.Serialization.YamlStream?> _yaml;

    public ReadContext(string path, string text, bool isJson, System.Threading.CancellationToken cancellationToken = default)
    {
        CancellationToken = cancellationToken;
        _path = path;
        _text = text;
        _isJson = isJson;
        _yaml = new Lazy<SharpYaml.Serialization.YamlStream?>(() => RawDocument.LoadYaml(text));
        Raw = new RawDocument(text, isJson, () => _yaml.Value);
    }

    /// <summary>The spec as JSON nodes, parsed on first use.</summary>
    public RawDocument Raw { get; }

    public string Path => _path;

    /// <summary>The compilation's token: checked per schema and per operation, so an edit during a big spec's read stops it.</summary>
    public System.Threading.CancellationToken CancellationToken { get; }

    /// <summary>The diagnostics with their locations; all pointers are located together in one pass over the text.</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics ??= Resolve();

    /// <summary>Reports at the node a JSON pointer names (nearest known ancestor when the node itself is unknown).</summary>
    public void Report(string id, string? pointer, params string[] args)
    {
        _pending.Add((id, pointer, args, null));
        _diagnostics = null;
    }

    /// <summary>Reports at a place in another file (an overlay of this spec).</summary>
    public void ReportAt(string id, LocationInfo location, params string[] args)
    {
        _pending.Add((id, null, args, location));
        _diagnostics = null;
    }

    public void ReportAtLine(string id, int line, int column, params string[] args)
    {
        _pending.Add((id, null, args, new LocationInfo(_path, line, column, line, column + 1)));
        _diagnostics = null;
    }

    private List<DiagnosticInfo> Resolve()
    {
        var pointers = _pending.Where(p => p.Location is null).Select(p => p.Pointer ?? "").Distinct().ToList();
        var map = pointers.Count == 0 ? null : _isJson ? JsonPositionMap.BuildFor(_text, pointers) : JsonPositionMap.BuildYamlFor(_yaml.Value, pointers);
        return _pending.Select(p =>
        {
            if (p.Location is { } fixedLocation) return new DiagnosticInfo(p.Id, p.Args.ToEquatableArray(), fixedLocation);
            var position = map?.Find(p.Pointer ?? "") ?? (0, 0);
            return new DiagnosticInfo(p.Id, p.Args.ToEquatableArray(), new LocationInfo(_path, position.Line, position.Column, position.Line, position.Column + 1));
        }).ToList();
    }
}
