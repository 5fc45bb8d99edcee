using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>
/// Reads the constraints of a request schema into an <see cref="InputRule"/>, apart from the C# type mapping:
/// the server checks the JSON it receives, so rules follow the spec (allOf parts merged, readOnly members never
/// required). A $ref met again below itself is not followed: recursive schemas are checked to their first repeat.
/// </summary>
public sealed class InputRuleReader
{
    private readonly Dictionary<string, InputRule?> _byReference = new(StringComparer.Ordinal);
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    // Nesting checked below this depth costs more than it finds (stripe's form bodies nest far deeper).
    private const int MaxDepth = 6;
    private int _depth;

    public InputRule? Read(IOpenApiSchema? schema)
    {
        if (_depth >= MaxDepth) return null;
        _depth++;
        try
        {
            return ReadAtDepth(schema);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// The rule of a parameter or form field: its own value and its items, no object members, which the server
    /// binds by its own means and does not check (stripe's form fields would otherwise carry their whole trees).
    /// </summary>
    public InputRule? ReadFlat(IOpenApiSchema? schema)
    {
        if (Read(schema) is not { } rule) return null;
        var flat = Flat(rule) with { Items = rule.Items is { } items ? Flat(items) with { Items = null } : null };
        return flat == Empty ? null : flat;
    }

    private static InputRule Flat(InputRule rule) =>
        rule with { Properties = EquatableArray<RuleProperty>.Empty, Required = EquatableArray<string>.Empty, Closed = false, Values = null };

    private InputRule? ReadAtDepth(IOpenApiSchema? schema)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference?.Id is { } id)
        {
            if (_byReference.TryGetValue(id, out var known)) return known;
            if (!_open.Add(id)) return null;
            var rule = Build(reference.Target);
            _open.Remove(id);
            _byReference[id] = rule;
            return rule;
        }
        return Build(schema);
    }

    private InputRule? Build(IOpenApiSchema? schema)
    {
        if (schema is null) return null;
        // anyOf/oneOf [X, null] (FastAPI's Optional[X]) and a lone allOf [X] are X: null is never checked.
        var options = (schema.AnyOf ?? schema.OneOf)?.Where(o => o.Type != JsonSchemaType.Null).ToList();
        if (options is { Count: 1 } && schema.Properties is not { Count: > 0 }) return Read(options[0]);
        if (schema.AllOf is { Count: 1 } parts && schema.Properties is not { Count: > 0 }) return Read(parts[0]);
        var properties = new List<RuleProperty>();
        var required = new List<string>();
        var closed = false;
        InputRule? items = null, values = null;
        Read(schema, properties, required, ref closed, ref items, ref values, top: true);
        var rule = new InputRule(
            properties.ToEquatableArray(),
            required.Distinct().ToEquatableArray(),
            closed,
            items,
            values,
            schema.MinItems,
            schema.MaxItems,
            schema.UniqueItems == true,
            schema.MinLength,
            schema.MaxLength,
            string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            schema.Format is "uuid" or "date-time" or "date" ? schema.Format : null,
            Number(schema.ExclusiveMinimum) ?? Number(schema.Minimum),
            Number(schema.ExclusiveMaximum) ?? Number(schema.Maximum),
            Number(schema.ExclusiveMinimum) is not null,
            Number(schema.ExclusiveMaximum) is not null,
            schema.MultipleOf is { } step && step > 0 ? step.ToString(CultureInfo.InvariantCulture) : null,
            (schema.Enum ?? new List<JsonNode>()).Where(v => v is not null).Select(v => v is JsonValue text && text.TryGetValue<string>(out var s) ? s : v!.ToJsonString()).ToEquatableArray());
        return rule == Empty ? null : rule;
    }

    private static readonly InputRule Empty = new(EquatableArray<RuleProperty>.Empty, EquatableArray<string>.Empty, Enum: EquatableArray<string>.Empty);

    // Object members, also from allOf parts: a value must satisfy every part.
    private void Read(IOpenApiSchema schema, List<RuleProperty> properties, List<string> required, ref bool closed, ref InputRule? items, ref InputRule? values, bool top)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (target is null) return;
        // Only the schema's own additionalProperties: false closes it; in an allOf part it would reject its siblings' members.
        if (top && target.Properties is { Count: > 0 } && !target.AdditionalPropertiesAllowed) closed = true;
        foreach (var pair in target.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            // A closed object lists every member, constrained or not, so the others can be told apart.
            var rule = Read(pair.Value) ?? (closed ? Empty : null);
            if (rule is not null && !properties.Any(p => p.Name == pair.Key)) properties.Add(new RuleProperty(pair.Key, rule));
        }
        foreach (var name in target.Required ?? new HashSet<string>())
        {
            var property = target.Properties is { } members && members.TryGetValue(name, out var p) ? p : null;
            if (property?.ReadOnly != true) required.Add(name);
        }
        if (target.AdditionalProperties is { } extra) values ??= Read(extra);
        if (target.Items is { } item) items ??= Read(item);
        foreach (var part in target.AllOf ?? new List<IOpenApiSchema>()) Read(part, properties, required, ref closed, ref items, ref values, top: false);
    }

    private static string? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;
}
