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
    public object?[] Build(OperationDef operation, MethodInfo method)
    {
        return method.GetParameters().Select(p => Argument(operation, p)).ToArray();
    }

    private object? Argument(OperationDef operation, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(CancellationToken)) return CancellationToken.None;
        if (operation.Parameters.FirstOrDefault(p => p.Name == parameter.Name) is { } def)
        {
            return Convert(samples.Parameter(operation.Method, operation.Path, Location(def.In), def.WireName), parameter, def.WireName);
        }
        var body = operation.Body ?? throw new InvalidOperationException("no parameter or body for argument " + parameter.Name);
        var bodySample = samples.Body(operation.Method, operation.Path, body.ContentType);
        if (body.Fields.FirstOrDefault(f => f.Name == parameter.Name) is { } field)
        {
            if (field.IsFile) return File(field);
            JsonElement? value = bodySample is { ValueKind: JsonValueKind.Object } form && form.TryGetProperty(field.WireName, out var v) ? v : null;
            return Convert(value, parameter, field.WireName);
        }
        return body.Kind switch
        {
            BodyKind.Binary when parameter.ParameterType.IsAssignableFrom(typeof(MemoryStream)) => new MemoryStream(Encoding.UTF8.GetBytes(bodySample?.ToString() ?? "binary sample")),
            BodyKind.Binary when parameter.ParameterType == typeof(byte[]) => Encoding.UTF8.GetBytes(bodySample?.ToString() ?? "binary sample"),
            BodyKind.Text when parameter.ParameterType == typeof(string) => bodySample is { ValueKind: JsonValueKind.String } s ? s.GetString() : bodySample?.GetRawText() ?? "text sample",
            _ => Convert(bodySample, parameter, "body"),
        };
    }

    private object? File(FormFieldDef field)
    {
        var file = Activator.CreateInstance(client.FileType, new MemoryStream(Encoding.UTF8.GetBytes("file sample")), "sample.txt", "text/plain");
        if (!field.IsArray) return file;
        var array = Array.CreateInstance(client.FileType, 1);
        array.SetValue(file, 0);
        return array;
    }

    private object? Convert(JsonElement? sample, ParameterInfo parameter, string what)
    {
        if (sample is null) return parameter.HasDefaultValue ? null : throw new SampleException("no sample for required " + what);
        try
        {
            return sample.Value.Deserialize(parameter.ParameterType, client.JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SampleException("sample for " + what + " does not deserialize into " + parameter.ParameterType.Name + ": " + ex.Message + " sample: " + Truncate(sample.Value.GetRawText()));
        }
    }

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
