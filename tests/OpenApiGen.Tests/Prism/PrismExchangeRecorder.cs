using System.Net.Http.Headers;

namespace OpenApiGen.Tests.Prism;

/// <summary>What Prism answered to one request: its status and, when it refused the request, why.</summary>
public sealed record PrismExchange(string Method, string Url, int Status, string? RequestViolations, string? ResponseViolations, string? PrismError)
{
    /// <summary>The request body as sent ("Content-Type: …; body: …", cut short), for telling why Prism refused it; null without a body.</summary>
    public string? Sent { get; init; }

    /// <summary>A JSON response body as received, with its media type, for validating it when the client could not read it; null otherwise.</summary>
    public string? Body { get; init; }

    public string? MediaType { get; init; }

    /// <summary>Prism lists request violations in sl-violations; its own refusals (no route, security) are problem+json.</summary>
    public bool Accepted => RequestViolations is null && PrismError is null;
}

/// <summary>
/// Sits between the generated client and Prism: records every exchange and sends the Prefer header that picks
/// Prism's dynamic (schema-random) or static (spec example) response for the current call.
/// </summary>
public sealed class PrismExchangeRecorder() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly List<PrismExchange> _exchanges = [];

    public bool Dynamic { get; set; } = true;

    public IReadOnlyList<PrismExchange> TakeExchanges()
    {
        var taken = _exchanges.ToList();
        _exchanges.Clear();
        return taken;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Prefer", Dynamic ? "dynamic=true" : "dynamic=false");
        string? sent = null;
        if (request.Content is { } content)
        {
            // Buffered before sending, so that it can be read again for the record (the samples are small).
            await content.LoadIntoBufferAsync(cancellationToken);
            var requestBody = await content.ReadAsStringAsync(cancellationToken);
            sent = "Content-Type: " + content.Headers.ContentType + "; body: " + (requestBody.Length <= 300 ? requestBody : requestBody[..300] + "…");
        }
        var response = await base.SendAsync(request, cancellationToken);
        var (requestViolations, responseViolations) = Violations.Split(response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null);
        string? prismError = null;
        string? received = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal)))
        {
            // Buffered, so the client can still read the body after us.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            received = await response.Content.ReadAsStringAsync(cancellationToken);
            if (mediaType == "application/problem+json" && Violations.IsPrismProblem(received)) prismError = Violations.DescribeProblem(received);
        }
        _exchanges.Add(new PrismExchange(request.Method.Method, request.RequestUri?.ToString() ?? "", (int)response.StatusCode, requestViolations, responseViolations, prismError) { Sent = sent, Body = received, MediaType = mediaType });
        return response;
    }
}
