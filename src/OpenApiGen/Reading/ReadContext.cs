using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>Collects located diagnostics while one spec is read.</summary>
public sealed class ReadContext
{
    private readonly string _path;
    private readonly Lazy<JsonPositionMap?> _positions;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public ReadContext(string path, string text, bool isJson)
    {
        _path = path;
        _positions = new Lazy<JsonPositionMap?>(() => isJson ? JsonPositionMap.Build(text) : JsonPositionMap.BuildYaml(text));
        Raw = new RawDocument(text, isJson);
    }

    /// <summary>The spec as JSON nodes, parsed on first use.</summary>
    public RawDocument Raw { get; }

    public string Path => _path;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors(Func<string, bool> isError) => _diagnostics.Any(d => isError(d.Id));

    /// <summary>Reports at the node a JSON pointer names (nearest known ancestor when the node itself is unknown).</summary>
    public void Report(string id, string? pointer, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(id, args.ToEquatableArray(), Locate(pointer)));

    public void ReportAtLine(string id, int line, int column, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(id, args.ToEquatableArray(), new LocationInfo(_path, line, column, line, column + 1)));

    private LocationInfo Locate(string? pointer)
    {
        var position = _positions.Value?.Find(pointer) ?? (0, 0);
        return new LocationInfo(_path, position.Line, position.Column, position.Line, position.Column + 1);
    }
}
