using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Reading.Overlays;

/// <summary>
/// Applies OpenAPI Overlay 1.0 documents to a spec's node tree before it is read: the standard way to rename, extend or
/// remove parts of a third-party spec without editing it. Each action's JSONPath <c>target</c> selects nodes;
/// <c>remove: true</c> deletes them, else <c>update</c> is merged into each (objects recursively, arrays appended to,
/// other values replaced; an object updated with a non-object is OAG022). Overlays apply in the order of their paths; actions in document order. Problems are located
/// in the overlay file: an action that selects nothing is OAG021, anything that stops an overlay from applying OAG022.
/// </summary>
public static class OverlayApplier
{
    public static void Apply(JsonNode root, EquatableArray<OverlayInput> overlays, ReadContext context)
    {
        foreach (var overlay in overlays)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ApplyOne(root, overlay, context);
        }
    }

    private static void ApplyOne(JsonNode root, OverlayInput overlay, ReadContext context)
    {
        var isJson = overlay.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var positions = new Lazy<JsonPositionMap>(() => isJson
            ? JsonPositionMap.BuildFor(overlay.Text, AllPointers(overlay))
            : JsonPositionMap.BuildYaml(RawDocument.LoadYaml(overlay.Text)));
        void Fail(string pointer, string why) => Report(context, DiagnosticDescriptors.OverlayInvalid.Id, overlay, positions, pointer, overlay.Path, why);

        JsonNode? document;
        try
        {
            document = isJson
                ? JsonNode.Parse(overlay.Text)
                : RawDocument.LoadYaml(overlay.Text) is { Documents.Count: > 0 } yaml ? YamlConverter.ToJsonNode(yaml.Documents[0]) : null;
        }
        catch (JsonException ex)
        {
            context.ReportAt(DiagnosticDescriptors.OverlayInvalid.Id, new LocationInfo(overlay.Path, (int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0), (int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0) + 1), overlay.Path, "it is not valid JSON: " + ex.Message);
            return;
        }
        if (document is not JsonObject overlayObject)
        {
            Fail("", isJson ? "it is not a JSON object" : "it is not valid YAML or not a mapping");
            return;
        }
        if (overlayObject["overlay"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String || !version.GetValue<string>().StartsWith("1.", StringComparison.Ordinal))
        {
            Fail("/overlay", "it has no 'overlay: 1.x' version field");
            return;
        }
        if (overlayObject["actions"] is not JsonArray actions)
        {
            Fail("/actions", "it has no 'actions' list");
            return;
        }
        for (var i = 0; i < actions.Count; i++)
        {
            var at = "/actions/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (actions[i] is not JsonObject action || action["target"] is not JsonValue targetValue || targetValue.GetValueKind() != JsonValueKind.String)
            {
                Fail(at, "action " + i + " has no 'target' string");
                continue;
            }
            var target = targetValue.GetValue<string>();
            JsonPath path;
            try
            {
                path = JsonPath.Parse(target);
            }
            catch (FormatException ex)
            {
                Fail(at + "/target", "the target '" + target + "' is not a JSONPath OpenApiGen reads (" + ex.Message + ")");
                continue;
            }
            var remove = action["remove"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
            var update = action["update"];
            if (!remove && update is null)
            {
                Fail(at, "action " + i + " has neither 'update' nor 'remove: true'");
                continue;
            }
            var selections = path.Select(root);
            if (selections.Count == 0)
            {
                Report(context, DiagnosticDescriptors.OverlayTargetsNothing.Id, overlay, positions, at + "/target", i.ToString(System.Globalization.CultureInfo.InvariantCulture), target, overlay.Path);
                continue;
            }
            if (remove)
            {
                Remove(selections, () => Fail(at, "the whole document cannot be removed"));
                continue;
            }
            foreach (var selection in selections)
            {
                if (Update(selection, update!) is { } why) Fail(at + "/update", why);
            }
        }
    }

    private static void Remove(List<JsonPath.Selection> selections, Action rootSelected)
    {
        // Array items go last-first so earlier indexes stay valid.
        foreach (var selection in selections.OrderByDescending(s => s.Key is int index ? index : -1))
        {
            switch (selection.Parent)
            {
                case JsonObject o when selection.Key is string name:
                    o.Remove(name);
                    break;
                case JsonArray a when selection.Key is int index:
                    a.RemoveAt(index);
                    break;
                default:
                    rootSelected();
                    break;
            }
        }
    }

    // Objects merge, arrays take the update's items at their end, other values are replaced; null when applied.
    private static string? Update(JsonPath.Selection selection, JsonNode update)
    {
        switch (selection.Node)
        {
            case JsonObject target when update is JsonObject changes:
                Merge(target, changes);
                return null;
            case JsonObject:
                return "an object is updated with an object, not " + update.GetValueKind().ToString().ToLowerInvariant();
            case JsonArray list:
                Append(list, update);
                return null;
            default:
                if (selection.Parent is JsonObject o && selection.Key is string name) o[name] = update.DeepClone();
                else if (selection.Parent is JsonArray a && selection.Key is int index) a[index] = update.DeepClone();
                else return "the document root is an object";
                return null;
        }
    }

    private static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var pair in changes.ToList())
        {
            if (target[pair.Key] is JsonObject inner && pair.Value is JsonObject more) Merge(inner, more);
            else if (target[pair.Key] is JsonArray list && pair.Value is JsonArray items) Append(list, items);
            else target[pair.Key] = pair.Value?.DeepClone();
        }
    }

    private static void Append(JsonArray list, JsonNode update)
    {
        foreach (var item in update is JsonArray items ? items.ToList() : new List<JsonNode?> { update }) list.Add(item?.DeepClone());
    }

    private static void Report(ReadContext context, string id, OverlayInput overlay, Lazy<JsonPositionMap> positions, string pointer, params string[] args)
    {
        var (line, column) = positions.Value.Find("#" + pointer) ?? (0, 0);
        context.ReportAt(id, new LocationInfo(overlay.Path, line, column, line, column + 1), args);
    }

    // Every pointer of a JSON overlay's actions, for locating any of them.
    private static IEnumerable<string> AllPointers(OverlayInput overlay)
    {
        var pointers = new List<string> { "#", "#/overlay", "#/actions" };
        try
        {
            if (JsonNode.Parse(overlay.Text)?["actions"] is JsonArray actions)
            {
                for (var i = 0; i < actions.Count; i++)
                {
                    pointers.Add("#/actions/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    pointers.Add("#/actions/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/target");
                }
            }
        }
        catch (JsonException)
        {
        }
        return pointers;
    }
}
