using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// The typed sender of a spec's webhooks and callbacks: one method per notification that posts its body to the URL the
/// caller gives (the subscriber's), with its header and query parameters, and returns the documented status.
/// </summary>
public static class WebhookViews
{
    public static WebhookSenderView Sender(SpecContext context, OperationGroup notifications) => new(
        context.Namespace,
        SourceEmitter.Version,
        context.ClientName,
        notifications.Operations.Where(op => op.Body is null or { Kind: BodyKind.Json or BodyKind.Text or BodyKind.Binary }).Select(op => Send(context, op)).ToArray());

    private static SendMethodView Send(SpecContext context, OperationDef op)
    {
        var ns = context.Namespace;
        var parameters = new List<string> { "global::System.Uri url" };
        var lines = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.Required)) parameters.Add(CSharp.Type(p.Type, ns) + " " + p.Name);
        if (op.Body is { } body) parameters.Add(CSharp.Type(body.Required ? body.Type! : body.Type!.AsNullable(), ns) + " body" + (body.Required ? "" : " = default"));
        foreach (var p in op.Parameters.Where(p => !p.Required)) parameters.Add(CSharp.Type(p.Type, ns) + " " + p.Name + " = default");
        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");

        foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Query))
        {
            lines.Add((p.Required ? "" : "if (" + p.Name + " is not null) ") + "url = WithQuery(url, " + CSharp.Literal(p.WireName) + ", Format(" + p.Name + "));");
        }
        lines.Add("using var request = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod(" + CSharp.Literal(op.Method) + "), url);");
        foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Header))
        {
            lines.Add((p.Required ? "" : "if (" + p.Name + " is not null) ") + "request.Headers.TryAddWithoutValidation(" + CSharp.Literal(p.WireName) + ", Format(" + p.Name + "));");
        }
        if (op.Body is { } sent)
        {
            var guard = sent.Required ? "" : "if (body is not null) ";
            var mediaType = CSharp.Literal(sent.ContentType.Split(';')[0].Trim());
            lines.Add(guard + sent.Kind switch
            {
                BodyKind.Text => "request.Content = new global::System.Net.Http.StringContent(body, global::System.Text.Encoding.UTF8, " + mediaType + ");",
                BodyKind.Binary => "request.Content = new global::System.Net.Http.StreamContent(body) { Headers = { ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(" + mediaType + ") } };",
                _ => "request.Content = Json(body, " + mediaType + ");",
            });
        }
        var statuses = op.Responses.Select(r => r.StatusCode).ToList();
        var documented = statuses.Contains("default")
            ? "true"
            : statuses.Count == 0 ? "status >= 200 && status <= 299" : string.Join(" || ", statuses.Select(Condition));
        var answers = statuses.Count == 0 ? "a 2XX status" : string.Join(", ", statuses);
        return new SendMethodView(
            op.Name,
            CSharp.DocComment(op.Summary ?? op.Description ?? "Sends " + op.Name + ".", "        ", op.Summary is null ? null : op.Description),
            CSharp.DocComment("The documented status the receiver answered (" + answers + ").", "        ").Replace("<summary>", "<returns>").Replace("</summary>", "</returns>"),
            string.Join(", ", parameters),
            lines.ToArray(),
            documented,
            CSharp.Literal(op.Name));
    }

    private static string Condition(string status) =>
        status.Length == 3 && status.EndsWith("XX", System.StringComparison.Ordinal)
            ? "(status >= " + (status[0] - '0') * 100 + " && status <= " + ((status[0] - '0') * 100 + 99) + ")"
            : "status == " + (int.TryParse(status, out var code) ? CSharp.Int(code) : "-1");
}

/// <summary>The sender class of a spec.</summary>
public sealed record WebhookSenderView(string Namespace, string Version, string Client, SendMethodView[] Methods);

/// <summary>One send method: name, docs, parameters, the statements that build the request, and which statuses it documents.</summary>
public sealed record SendMethodView(string Name, string Doc, string Returns, string Parameters, string[] Lines, string Documented, string NameLiteral);
