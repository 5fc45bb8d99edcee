using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OpenApiGen.Diagnostics;

/// <summary>
/// The one catalogue of OpenApiGen diagnostics. IDs are stable; see AnalyzerReleases.*.md. Each help text is also the
/// last paragraph of its section in docs/diagnostics.md; no help link until the project has a public home.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "OpenApiGen";

    public static readonly DiagnosticDescriptor SpecNotParsable = Create(
        "OAG001", "The spec is not valid JSON or YAML",
        "'{0}' could not be read as JSON or YAML: {1}", DiagnosticSeverity.Error,
        "Fix the syntax at the reported line; nothing is generated from this file until it parses.");

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "OAG002", "The file is not an OpenAPI document",
        "'{0}' has no 'openapi' or 'swagger' version field and is skipped", DiagnosticSeverity.Info,
        "Remove OpenApiGenerate/OpenApiNamespace from this AdditionalFiles item, or add an 'openapi'/'swagger' version field if it is meant to be a spec.");

    public static readonly DiagnosticDescriptor ReaderError = Create(
        "OAG003", "The OpenAPI document has an error",
        "{0}", DiagnosticSeverity.Error,
        "The reader could not build a document; fix the reported node.");

    public static readonly DiagnosticDescriptor ReaderWarning = Create(
        "OAG004", "The OpenAPI document has a problem",
        "{0}", DiagnosticSeverity.Warning,
        "The reader recovered, or the document breaks a rule of the OpenAPI specification (two paths that differ only in parameter names, an operation without responses, a discriminator property no schema requires); fix the reported node so the generated code matches the author's intent.");

    public static readonly DiagnosticDescriptor UnexpectedException = Create(
        "OAG005", "The generator failed unexpectedly",
        "OpenApiGen failed on '{0}' while {1}: {2}: {3}. Other specs still generate; please report this with the spec.",
        DiagnosticSeverity.Error,
        "A bug in OpenApiGen: the named part is skipped and everything else generates. Please report it with the spec.");

    public static readonly DiagnosticDescriptor UnknownMetadata = Create(
        "OAG006", "Unknown OpenApiGen option value",
        "'{0}' is not a valid value for {1} on '{2}'; expected {3}", DiagnosticSeverity.Warning,
        "Use the values the message lists, separated by ';' or ','.");

    public static readonly DiagnosticDescriptor TypedAsJson = Create(
        "OAG007", "Schema typed as JsonElement",
        "{0} is typed as JsonElement: {1}", DiagnosticSeverity.Warning,
        "Give the schema a concrete type, or accept JsonElement for this value.");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "OAG008", "Unresolved $ref",
        "The reference '{0}' does not resolve; the value is typed as JsonElement", DiagnosticSeverity.Error,
        "Point the $ref at an existing node of this document; external documents are never fetched by a source generator.");

    public static readonly DiagnosticDescriptor Renamed = Create(
        "OAG009", "Identifier renamed",
        "'{0}' is generated as '{1}' because {2}", DiagnosticSeverity.Info,
        "Rename in the spec (operationId, schema or property name) to choose the C# name yourself.");

    public static readonly DiagnosticDescriptor Unsupported = Create(
        "OAG010", "Construct not supported yet",
        "{0} is not supported yet and is skipped: {1}", DiagnosticSeverity.Warning,
        "The construct is skipped; the rest of the spec generates.");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "OAG011", "Unsupported OpenAPI version",
        "'{0}': {1} Supported are Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2.", DiagnosticSeverity.Error,
        "Use a Swagger 2.0 or OpenAPI 3.x document.");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "OAG012", "Duplicate operationId",
        "operationId '{0}' is also used by {1}; operationIds must be unique", DiagnosticSeverity.Warning,
        "Give each operation its own operationId; the C# names are made unique with a numeric suffix meanwhile.");

    public static readonly DiagnosticDescriptor PathParameterNotDeclared = Create(
        "OAG013", "Path template parameter not declared",
        "The path '{0}' has the template parameter '{1}' but the operation declares no path parameter of that name; it is sent as a required string", DiagnosticSeverity.Warning,
        "Declare the template parameter under 'parameters' with 'in: path' so it gets its schema and description.");

    public static readonly DiagnosticDescriptor PathParameterNotInTemplate = Create(
        "OAG014", "Path parameter not in the template",
        "The path parameter '{0}' does not appear in the path '{1}' and is ignored", DiagnosticSeverity.Warning,
        "Add the parameter to the path template or remove it from 'parameters'.");

    public static readonly DiagnosticDescriptor ParameterWithoutSchema = Create(
        "OAG015", "Parameter without schema",
        "The parameter '{0}' has neither schema nor content; it is typed as string", DiagnosticSeverity.Warning,
        "Add a 'schema' (or 'content') to the parameter.");

    public static readonly DiagnosticDescriptor UnknownFormat = Create(
        "OAG016", "Unknown format",
        "The format '{0}' is not known for type '{1}'; values are typed as {2}", DiagnosticSeverity.Warning,
        "Use a standard format, or ignore this warning if the base type is what you want.");

    public static readonly DiagnosticDescriptor OperationNameCollision = Create(
        "OAG017", "Operations share a C# name",
        "The operation {0} would be named '{1}' like another operation in group '{2}'; it is generated as '{3}'", DiagnosticSeverity.Warning,
        "Give the operations distinct operationIds (or tags) to choose the names yourself.");

    public static readonly DiagnosticDescriptor ServerNeedsAspNetCore = Create(
        "OAG018", "Server code needs ASP.NET Core",
        "'{0}' asks for Server or MinimalApi, but the project does not reference ASP.NET Core; server code is not generated", DiagnosticSeverity.Warning,
        "Use Microsoft.NET.Sdk.Web or a FrameworkReference to Microsoft.AspNetCore.App, or drop Server and MinimalApi from OpenApiGenerate.");

    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "OAG019", "Operation filter pattern matches nothing",
        "The pattern '{0}' in {1} on '{2}' matches no operation", DiagnosticSeverity.Warning,
        "Check the pattern against the spec's tags, paths and operationIds, or remove it; patterns are case-sensitive, '*' stays within a path segment and '**' crosses segments.");

    public static readonly DiagnosticDescriptor NSwagOptionNotMapped = Create(
        "OAG020", "OpenApiReference option not mapped",
        "The <OpenApiReference> Options {0} on '{1}' have no OpenApiGen equivalent and are ignored", DiagnosticSeverity.Warning,
        "OpenApiGen picks up <OpenApiReference> items with their Namespace, ClassName and the NSwag flags it honors the same way; see docs/migrating-from-nswag.md for what differs, and remove the listed flags.");

    public static readonly DiagnosticDescriptor OverlayTargetsNothing = Create(
        "OAG021", "Overlay action selects nothing",
        "Overlay action {0} (target '{1}') in '{2}' selects nothing in the spec", DiagnosticSeverity.Warning,
        "Check the JSONPath against the spec (after the overlays listed before this one); a stale target usually means the spec changed.");

    public static readonly DiagnosticDescriptor OverlayInvalid = Create(
        "OAG022", "Overlay cannot be applied",
        "The overlay '{0}' cannot be applied: {1}", DiagnosticSeverity.Error,
        "An overlay is an OpenAPI Overlay 1.0 document ('overlay: 1.0.0', 'actions' with a JSONPath 'target' and 'update' or 'remove: true') listed as AdditionalFiles with OpenApiOverlay naming the spec file it modifies.");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [OverlayTargetsNothing.Id] = OverlayTargetsNothing,
        [OverlayInvalid.Id] = OverlayInvalid,
        [NSwagOptionNotMapped.Id] = NSwagOptionNotMapped,
        [FilterMatchesNothing.Id] = FilterMatchesNothing,
        [ServerNeedsAspNetCore.Id] = ServerNeedsAspNetCore,
        [OperationNameCollision.Id] = OperationNameCollision,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [PathParameterNotDeclared.Id] = PathParameterNotDeclared,
        [PathParameterNotInTemplate.Id] = PathParameterNotInTemplate,
        [ParameterWithoutSchema.Id] = ParameterWithoutSchema,
        [UnknownFormat.Id] = UnknownFormat,
        [SpecNotParsable.Id] = SpecNotParsable,
        [NotOpenApi.Id] = NotOpenApi,
        [ReaderError.Id] = ReaderError,
        [ReaderWarning.Id] = ReaderWarning,
        [UnexpectedException.Id] = UnexpectedException,
        [UnknownMetadata.Id] = UnknownMetadata,
        [TypedAsJson.Id] = TypedAsJson,
        [UnresolvedReference.Id] = UnresolvedReference,
        [Renamed.Id] = Renamed,
        [Unsupported.Id] = Unsupported,
    };

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string help) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: help);
}
