using System.Text.Json;

namespace OpenApiGen.Tests.Prism;

/// <summary>Prism's sl-violations header (a JSON array of {location, code, message}) as one line per violation.</summary>
public static class Violations
{
    /// <summary>Whether any violation is about the request (location starts with "request"); the rest are about Prism's own response.</summary>
    public static bool AnyInRequest(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.EnumerateArray().Any(v => !v.TryGetProperty("location", out var l) || l.GetArrayLength() == 0 || l[0].GetString() != "response");
        }
        catch (JsonException)
        {
            return true;
        }
    }

    public static string Describe(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return string.Join("; ", document.RootElement.EnumerateArray().Select(v =>
                string.Join(".", v.TryGetProperty("location", out var l) ? l.EnumerateArray().Select(p => p.ToString()) : []) + ": " +
                (v.TryGetProperty("message", out var m) ? m.GetString() : v.GetRawText())).Distinct());
        }
        catch (JsonException)
        {
            return header;
        }
    }
}
