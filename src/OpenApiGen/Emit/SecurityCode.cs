using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>C# snippets for applying (client) and checking (server) each kind of security scheme.</summary>
public static class SecurityCode
{
    public static string[] CredentialProperties(SecuritySchemeDef scheme) => scheme.Kind == SecurityKind.Basic
        ? new[] { scheme.Identifier + "Username", scheme.Identifier + "Password" }
        : new[] { scheme.Identifier };

    public static string CredentialDoc(SecuritySchemeDef scheme, string property)
    {
        var where = scheme.Kind switch
        {
            SecurityKind.Bearer => "the bearer token sent in the Authorization header",
            SecurityKind.Basic => (property.EndsWith("Password") ? "the password" : "the user name") + " for HTTP basic authentication",
            _ => "the API key sent as " + scheme.In.ToString().ToLowerInvariant() + " '" + scheme.ParameterName + "'",
        };
        return string.Join(" ", CSharp.XmlLines("Credential for security scheme '" + scheme.Key + "': " + where + ", only on operations that require it."));
    }

    public static string HasCondition(SecuritySchemeDef scheme) =>
        string.Join(" && ", CredentialProperties(scheme).Select(p => "!string.IsNullOrEmpty(_options." + p + ")"));

    public static string ClientApply(SecuritySchemeDef scheme)
    {
        var name = CSharp.Literal(scheme.ParameterName);
        return scheme.Kind switch
        {
            SecurityKind.Bearer => "request.AddHeader(\"Authorization\", \"Bearer \" + _options." + scheme.Identifier + ");",
            SecurityKind.Basic => "request.AddHeader(\"Authorization\", \"Basic \" + global::System.Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes(_options." + scheme.Identifier + "Username + \":\" + _options." + scheme.Identifier + "Password)));",
            _ => scheme.In switch
            {
                ParameterLocation.Query => "request.AddQuery(" + name + ", _options." + scheme.Identifier + ");",
                ParameterLocation.Cookie => "request.AddCookie(" + name + ", _options." + scheme.Identifier + ");",
                _ => "request.AddHeader(" + name + ", _options." + scheme.Identifier + ");",
            },
        };
    }

    public static string ServerReadCredential(SecuritySchemeDef scheme)
    {
        var name = CSharp.Literal(scheme.ParameterName);
        return scheme.Kind switch
        {
            SecurityKind.Bearer => "var header = context.Request.Headers.Authorization.ToString(); if (!header.StartsWith(\"Bearer \", global::System.StringComparison.OrdinalIgnoreCase)) return null; var credential = header.Substring(7).Trim(); if (credential.Length == 0) return null;",
            SecurityKind.Basic => "var header = context.Request.Headers.Authorization.ToString(); if (!header.StartsWith(\"Basic \", global::System.StringComparison.OrdinalIgnoreCase)) return null; string decoded; try { decoded = global::System.Text.Encoding.UTF8.GetString(global::System.Convert.FromBase64String(header.Substring(6).Trim())); } catch (global::System.FormatException) { return false; } var colon = decoded.IndexOf(':'); if (colon < 0) return false; var username = decoded.Substring(0, colon); var password = decoded.Substring(colon + 1);",
            _ => scheme.In switch
            {
                ParameterLocation.Query => "var credential = context.Request.Query[" + name + "].ToString(); if (credential.Length == 0) return null;",
                ParameterLocation.Cookie => "var credential = context.Request.Cookies[" + name + "]; if (string.IsNullOrEmpty(credential)) return null;",
                _ => "var credential = context.Request.Headers[" + name + "].ToString(); if (credential.Length == 0) return null;",
            },
        };
    }

    /// <summary>Where the credential travels, as location items: "header", "Authorization".</summary>
    public static string CredentialLocation(SecuritySchemeDef scheme) => scheme.Kind is SecurityKind.Bearer or SecurityKind.Basic
        ? "\"header\", \"Authorization\""
        : CSharp.Literal(scheme.In.ToString().ToLowerInvariant()) + ", " + CSharp.Literal(scheme.ParameterName);

    public static string ValidateCall(SecuritySchemeDef scheme) => scheme.Kind == SecurityKind.Basic
        ? "await options.Validate" + scheme.Identifier + "(username, password, context.RequestAborted).ConfigureAwait(false)"
        : "await options.Validate" + scheme.Identifier + "(credential, context.RequestAborted).ConfigureAwait(false)";

    public static string ValidatorType(SecuritySchemeDef scheme) => scheme.Kind == SecurityKind.Basic
        ? "global::System.Func<string, string, global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<bool>>"
        : "global::System.Func<string, global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<bool>>";

    public static string FixedParameters(SecuritySchemeDef scheme) => scheme.Kind == SecurityKind.Basic ? "string username, string password" : "string expected";

    public static string FixedValidator(SecuritySchemeDef scheme) => scheme.Kind == SecurityKind.Basic
        ? "(u, p, _) => new global::System.Threading.Tasks.ValueTask<bool>(FixedTimeEquals(u, username) & FixedTimeEquals(p, password))"
        : "(actual, _) => new global::System.Threading.Tasks.ValueTask<bool>(FixedTimeEquals(actual, expected))";

    public static string ValidatorDoc(SecuritySchemeDef scheme) => string.Join(" ", CSharp.XmlLines(
        "Validates credentials of security scheme '" + scheme.Key + "'" + (scheme.Kind == SecurityKind.Basic ? " (user name, password)." : ".")));
}
