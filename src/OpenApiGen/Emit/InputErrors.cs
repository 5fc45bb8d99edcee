using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Which documented response answers invalid input (422 if documented, else 400, else a 4XX range or default; an
/// undocumented 400 problem details only when the spec documents none of these), and which documents a 401 body.
/// </summary>
public static class InputErrors
{
    private static readonly string[] InvalidInputStatuses = { "422", "400", "4XX", "default" };

    public static string Attribute(SpecContext context, OperationDef op)
    {
        var (positional, named) = Arguments(context, op);
        return "[global::" + context.Namespace + "." + context.ClientName + "InputError(" + string.Join(", ", positional.Concat(named)) + ")]";
    }

    /// <summary>The same description as an object, for a minimal-API endpoint.</summary>
    public static string New(SpecContext context, OperationDef op)
    {
        var (positional, named) = Arguments(context, op);
        return "new global::" + context.Namespace + "." + context.ClientName + "InputErrorAttribute(" + string.Join(", ", positional) + ")" + Initializer(named);
    }

    private static string Initializer(IEnumerable<string> named)
    {
        var list = named.ToList();
        return list.Count == 0 ? "" : " { " + string.Join(", ", list) + " }";
    }

    private static (IEnumerable<string> Positional, IEnumerable<string> Named) Arguments(SpecContext context, OperationDef op)
    {
        var response = InvalidInputStatuses.Select(s => op.Responses.FirstOrDefault(r => r.StatusCode == s)).FirstOrDefault(r => r is not null);
        var status = response is null || !int.TryParse(response.StatusCode, out var code) ? 400 : code;
        var contentType = response is null ? "application/problem+json" : response.ContentType ?? "";
        var shape = response is null ? ErrorShape.Problem : response.Shape;
        // Wire name and location of each input, so an error key can be told apart from the JSON body's paths.
        var sources = op.Parameters.Select(p => (p.WireName, p.In.ToString().ToLowerInvariant()))
            .Concat(op.Body?.Fields.Select(f => (f.WireName, "body")) ?? Enumerable.Empty<(string, string)>())
            .SelectMany(s => new[] { CSharp.Literal(s.Item1), CSharp.Literal(s.Item2) });
        var named = (op.Body is { Kind: BodyKind.Json, Rule: not null } ? new[] { "CheckBody = true" } : new string[0]).Concat(DetailMember(response));
        return (new[] { CSharp.Int(status), CSharp.Literal(contentType), Shape(context, shape) }.Concat(sources), named);
    }

    /// <summary>The attribute that makes the security handler write a documented 401 body, or null when none is documented.</summary>
    public static string? Challenge(SpecContext context, OperationDef op)
    {
        var response = op.Responses.FirstOrDefault(r => r.StatusCode == "401");
        if (response?.ContentType is null || response.Shape == ErrorShape.None) return null;
        return "[global::" + context.Namespace + "." + context.ClientName + "Challenge(" + string.Join(", ",
            new[] { CSharp.Literal(response.ContentType), Shape(context, response.Shape) }.Concat(DetailMember(response))) + ")]";
    }

    /// <summary>The same as endpoint metadata for a minimal-API endpoint, or null.</summary>
    public static string? NewChallenge(SpecContext context, OperationDef op)
    {
        var response = op.Responses.FirstOrDefault(r => r.StatusCode == "401");
        if (response?.ContentType is null || response.Shape == ErrorShape.None) return null;
        return "new global::" + context.Namespace + "." + context.ClientName + "ChallengeAttribute(" + CSharp.Literal(response.ContentType) + ", " + Shape(context, response.Shape) + ")"
            + Initializer(DetailMember(response));
    }

    // Named only when it is not the default "detail", so the attributes of FastAPI specs stay as they were.
    private static IEnumerable<string> DetailMember(ResponseDef? response) =>
        response is { Shape: ErrorShape.Detail } && response.DetailMember != "detail" ? new[] { "DetailMember = " + CSharp.Literal(response.DetailMember) } : Enumerable.Empty<string>();

    public static bool IsString(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name == "string";

    /// <summary>A required string is present, not non-empty: MVC's implicit [Required] would refuse "".</summary>
    public static string AllowEmptyString(TypeRef type) =>
        IsString(type) && !type.Nullable ? "[global::System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings = true)] " : "";

    private static string Shape(SpecContext context, ErrorShape shape) =>
        "global::" + context.Namespace + "." + context.ClientName + "ErrorShape." + shape;
}
