using System.Reflection;
using System.Text;
using System.Text.Json;
using OpenApiGen.Model;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Turns an operation's sampled JSON into the generated method's arguments: parameters and JSON bodies through the
/// generated JsonContext options, files as small streams wrapped in the generated {Client}File.
/// </summary>
public sealed class ArgumentBuilder(GeneratedClient client, OperationSamples samples)
{
    /// <summary>How many variants of the arguments there are: the most candidates one value has (samples.js lists them).</summary>
    public int Variants(OperationDef operation) => samples.MostCandidates(operation.Method, operation.Path);

    /// <summary>Variant 0 prefers the spec's examples; variant n prefers each value's candidate n (for when Prism refuses the earlier ones).</summary>
    public object?[] Build(OperationDef operation, MethodInfo method, int variant = 0)
    {
        _variant = variant;
        return method.GetParameters().Select(p => Argument(operation, p)).ToArray();
    }

    private int _variant;

    private object? Argument(OperationDef operation, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(CancellationToken)) return CancellationToken.None;
        if (operation.Parameters.FirstOrDefault(p => p.Name.TrimStart('@') == parameter.Name) is { } def)
        {
            var candidates = samples.Parameter(operation.Method, operation.Path, Location(def.In), def.WireName);
            // A path template parameter the spec forgot to declare (OAG013): the generator still takes it, Prism checks nothing.
            if (candidates.Count == 0 && def.In == ParameterLocation.Path && parameter.ParameterType == typeof(string)) return "undeclared-" + def.WireName;
            return Convert(candidates, parameter, def.WireName);
        }
        var body = operation.Body ?? throw new InvalidOperationException("no parameter or body for argument " + parameter.Name);
        var bodySamples = samples.Body(operation.Method, operation.Path, body.ContentType);
        JsonElement? bodySample = bodySamples.Count > 0 ? bodySamples[Math.Min(_variant, bodySamples.Count - 1)] : null;
        if (body.Fields.FirstOrDefault(f => f.Name.TrimStart('@') == parameter.Name) is { } field)
        {
            if (field.IsFile) return File(field);
            var values = bodySamples.Where(form => form.ValueKind == JsonValueKind.Object && form.TryGetProperty(field.WireName, out _)).Select(form => form.GetProperty(field.WireName)).ToList();
            return Convert(values, parameter, field.WireName);
        }
        return body.Kind switch
        {
            // Raw bytes also for a multipart body whose whole schema is one binary string (jira's attachments).
            not BodyKind.Json when parameter.ParameterType.IsAssignableFrom(typeof(MemoryStream)) => new MemoryStream(Encoding.UTF8.GetBytes(bodySample?.ToString() ?? "binary sample")),
            not BodyKind.Json when parameter.ParameterType == typeof(byte[]) => Encoding.UTF8.GetBytes(bodySample?.ToString() ?? "binary sample"),
            BodyKind.Text when parameter.ParameterType == typeof(string) => bodySample is { ValueKind: JsonValueKind.String } s ? s.GetString() : bodySample?.GetRawText() ?? "text sample",
            _ => Convert(bodySamples, parameter, "body"),
        };
    }

    private object? File(FormFieldDef field)
    {
        var file = Activator.CreateInstance(client.FileType!, new MemoryStream(Encoding.UTF8.GetBytes("file sample")), "sample.txt", "text/plain");
        if (!field.IsArray) return file;
        var array = Array.CreateInstance(client.FileType!, 1);
        array.SetValue(file, 0);
        return array;
    }

    /// <summary>The first candidate the generated type can hold; when none can, the first one's error.</summary>
    private object? Convert(IReadOnlyList<JsonElement> candidates, ParameterInfo parameter, string what)
    {
        if (candidates.Count == 0) return parameter.HasDefaultValue ? null : throw new SampleException("no sample for required " + what);
        Exception? first = null;
        var start = Math.Min(_variant, candidates.Count - 1);
        foreach (var candidate in candidates.Skip(start).Concat(candidates.Take(start)))
        {
            try
            {
                return candidate.Deserialize(parameter.ParameterType, client.JsonOptions);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
            {
                first ??= ex;
            }
        }
        throw new SampleException("no sample for " + what + " deserializes into " + TypeName(parameter.ParameterType) + ": " + first!.Message + " sample: " + Truncate(candidates[0].GetRawText()));
    }

    private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + "?" : type.Name;

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string Location(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
        _ => "cookie",
    };
}

/// <summary>A spec sample that the generated parameter type cannot hold.</summary>
public sealed class SampleException(string message) : Exception(message);
