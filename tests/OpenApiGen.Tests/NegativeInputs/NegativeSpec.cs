using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace OpenApiGen.Tests.NegativeInputs;

/// <summary>
/// A real spec whose generated server the negative-input driver checks: how it is named, how its host authenticates
/// (a statement on the generated security options, <c>o</c>) and how a request carries those credentials.
/// </summary>
public sealed record NegativeSpec(string File, string Namespace, string Client, string? Security, Action<HttpRequestMessage> Authenticate)
{
    public static readonly NegativeSpec[] All =
    [
        // 3.1 JSON (FastAPI): 422 HTTPValidationError, multipart uploads, anyOf-with-null.
        new("openhands.json", "OpenHands.Api", "OpenHands", "o.UseAPIKeyHeader(\"k-secret\")",
            r => r.Headers.Add("X-Session-API-Key", "k-secret")),
        // 3.0 YAML: form-urlencoded bodies, SID patterns with min/maxLength on path parameters and form fields, page
        // ranges, enums; documents no client error at all (undocumented 400 problem details).
        new("twilio-messaging-v1.yaml", "Twilio.Messaging", "TwilioMessaging", "o.UseAccountSidAuthToken(\"AC1\", \"t0ken\")",
            r => r.Headers.Authorization = new("Basic", Convert.ToBase64String("AC1:t0ken"u8.ToArray()))),
        // Swagger 2.0 YAML: JSON bodies, query enums and ranges, a documented 400 ErrorResponse {message} on some
        // operations and only 500 on the others; no security.
        new("docker-engine.yaml", "Docker.Engine", "DockerEngine", null, _ => { }),
    ];

    public string Path => System.IO.Path.Combine(TestPaths.SharedSpecs, File);

    public override string ToString() => File;

    /// <summary>
    /// The document as OpenAPI 3 JSON, for the driver to walk: 3.x JSON as written; YAML and Swagger 2.0 through
    /// Microsoft.OpenApi (2.0's body and formData parameters become request bodies, as the generator reads them).
    /// </summary>
    public JsonElement Load()
    {
        var text = System.IO.File.ReadAllText(Path);
        if (File.EndsWith(".json", StringComparison.Ordinal) && text.Contains("\"openapi\"", StringComparison.Ordinal)) return JsonDocument.Parse(text).RootElement.Clone();
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(text, File.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml", settings).Document!;
        using var writer = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(writer));
        return JsonDocument.Parse(writer.ToString(), new JsonDocumentOptions { MaxDepth = 4096 }).RootElement.Clone();
    }
}
