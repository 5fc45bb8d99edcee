namespace OpenApiGen.Model;

/// <summary>Names and settings every output unit of one spec shares.</summary>
/// <remarks><see cref="Mvc"/> and <see cref="MinimalApi"/>: which servers the spec generates; they share the input checking and the result types.</remarks>
public sealed record SpecContext(
    string Namespace,
    string ClientName,
    string Title,
    string SpecPath,
    EquatableArray<SecuritySchemeDef> SecuritySchemes,
    bool EmitHttpClientFactory,
    bool HasFileParts = false,
    bool HasMultipart = false,
    bool Mvc = false,
    bool MinimalApi = false);

/// <summary>One spec, read and named: the model the emitters render from.</summary>
/// <remarks><see cref="Notifications"/>: the webhooks and callbacks (with OpenApiGenerate Webhooks), requests the API sends rather than receives.</remarks>
public sealed record ApiSpec(
    SpecContext Context,
    GenerateOptions Generate,
    EquatableArray<ModelDef> Models,
    EquatableArray<OperationGroup> Groups,
    EquatableArray<OperationGroup> Notifications = default);

/// <summary>The result of reading one spec: its model (if any could be built) and everything to report.</summary>
public sealed record SpecResult(string Path, ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

public enum RenderKind
{
    Model,
    ClientCore,
    ClientGroup,
    ServerGroup,
    ServerSecurity,
    /// <summary>Server-side input checking shared by the controller bases: documented error bodies for invalid input.</summary>
    ServerInput,
    /// <summary>The System.Text.Json resolver for every type the spec serializes; <see cref="RenderUnit.JsonTypes"/> lists them.</summary>
    JsonContext,
    /// <summary>A group's minimal-API handler base, its Map…Endpoints method, request delegates and result types.</summary>
    MinimalGroup,
    /// <summary>The spec's minimal-API entry point (Map…Endpoints for every group); <see cref="RenderUnit.GroupNames"/> lists the groups.</summary>
    MinimalEndpoints,
    /// <summary>The typed sender of the spec's webhooks and callbacks; <see cref="RenderUnit.Group"/> holds them all.</summary>
    WebhookSender,
    /// <summary>Planning failed; <see cref="RenderUnit.GroupNames"/> holds the exception type and message.</summary>
    PlanFailure,
}

/// <summary>One generated file: the unit of caching for rendering.</summary>
/// <remarks><see cref="UsesObsolete"/>: the file uses members the spec deprecates outside an [Obsolete] context (see Emit.ObsoleteUse).</remarks>
public sealed record RenderUnit(string HintName, RenderKind Kind, SpecContext Context, ModelDef? Model, OperationGroup? Group, EquatableArray<string> GroupNames, EquatableArray<JsonTypeEntry> JsonTypes = default, bool UsesObsolete = false);
