using System.Text.Json;

namespace OpenApiGen.Tests.Prism;

/// <summary>Prism's sl-violations header (a JSON array of {location, code, message}) as one line per violation.</summary>
public static class Violations
{
    public static string Describe(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return string.Join("; ", document.RootElement.EnumerateArray().Select(v =>
                string.Join(".", v.TryGetProperty("location", out var l) ? l.EnumerateArray().Select(p => p.ToString()) : []) + ": " +
                (v.TryGetProperty("message", out var m) ? m.GetString() : v.GetRawText())));
        }
        catch (JsonException)
        {
            return header;
        }
    }
}
