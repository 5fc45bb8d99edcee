using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>Reads security schemes and requirements; oauth2 and openIdConnect are carried as bearer tokens.</summary>
public static class SecurityReader
{
    public static List<SecuritySchemeDef> ReadSchemes(OpenApiDocument document, ReadContext context)
    {
        var result = new List<SecuritySchemeDef>();
        // Scheme identifiers become properties of the client options: keep them off its other members.
        var names = new NameScope(ReservedNames.ClientOptionsMembers);
        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var pair in schemes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pointer = "#/components/securitySchemes/" + JsonPositionMap.Escape(pair.Key);
            var scheme = pair.Value;
            var identifier = names.Claim(Identifier.Pascal(pair.Key, "Scheme"));
            switch (scheme.Type)
            {
                case SecuritySchemeType.ApiKey:
                    result.Add(new SecuritySchemeDef(pair.Key, identifier, SecurityKind.ApiKey, ReadLocation(scheme.In), scheme.Name ?? pair.Key));
                    break;
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                    result.Add(new SecuritySchemeDef(pair.Key, identifier, SecurityKind.Basic, Model.ParameterLocation.Header, "Authorization"));
                    break;
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    result.Add(new SecuritySchemeDef(pair.Key, identifier, SecurityKind.Bearer, Model.ParameterLocation.Header, "Authorization"));
                    break;
                default:
                    context.Report(DiagnosticDescriptors.Unsupported.Id, pointer, "Security scheme '" + pair.Key + "'", "type '" + scheme.Type + "' scheme '" + scheme.Scheme + "'");
                    break;
            }
        }
        return result;
    }

    /// <summary>Alternatives (OR) of scheme sets (AND). Null means "use the document default"; empty means anonymous.</summary>
    public static List<SecurityRequirementDef>? ReadRequirements(IList<OpenApiSecurityRequirement>? requirements, IReadOnlyCollection<SecuritySchemeDef> known)
    {
        if (requirements is null) return null;
        var result = new List<SecurityRequirementDef>();
        foreach (var requirement in requirements)
        {
            var keys = requirement.Keys
                .Select(k => k.Reference?.Id)
                .Where(id => id is not null && known.Any(s => s.Key == id))
                .Select(id => id!)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToEquatableArray();
            // An empty object inside the list ({}) means "or anonymous".
            result.Add(new SecurityRequirementDef(keys));
        }
        return result;
    }

    private static Model.ParameterLocation ReadLocation(Microsoft.OpenApi.ParameterLocation? location) => location switch
    {
        Microsoft.OpenApi.ParameterLocation.Query => Model.ParameterLocation.Query,
        Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
        _ => Model.ParameterLocation.Header,
    };
}
