namespace OpenApiGen.Model;

/// <summary>Which parts a spec generates; parsed from the OpenApiGenerate item metadata.</summary>
/// <remarks>
/// <see cref="AllModels"/>: every schema of the spec becomes a type, not only those the generated operations use.
/// <see cref="MinimalApi"/>: handler bases and Map…Endpoints for minimal APIs (Native-AOT capable), beside or instead of <see cref="Server"/>'s MVC controllers.
/// <see cref="Webhooks"/>: the spec's webhooks and callbacks get a typed sender, and receivers in the server kinds generated.
/// </remarks>
public sealed record GenerateOptions(bool Models, bool Client, bool Server, bool ServerExplicit, bool AllModels = false, bool MinimalApi = false, bool Webhooks = false);

/// <summary>One AdditionalFiles spec with its per-file options (item metadata, else the project's property of the same name): the first stage's output.</summary>
/// <remarks>
/// <see cref="Include"/> and <see cref="Exclude"/>: the raw operation filter lists (see Reading.OperationFilter);
/// <see cref="IncludeFromProject"/>/<see cref="ExcludeFromProject"/>: the list is the project's default, meant for several specs.
/// <see cref="ReferenceClassName"/> and <see cref="ReferenceOptions"/>: an &lt;OpenApiReference&gt; item's ClassName and
/// Options (NSwag flags), mapped by build/OpenApiGen.targets (see Reading.OpenApiReferenceOptions).
/// <see cref="StreamArrays"/>: OpenApiStreamArrays="true", a top-level JSON array response can also be read item by item.
/// <see cref="Streams"/>: OpenApiStreams="false" leaves out the item-by-item methods and results of sequential media types (and their item types).
/// </remarks>
public sealed record SpecInput(
    string Path,
    string Text,
    string? Namespace,
    string? ClientName,
    string? GenerateRaw,
    string? RootNamespace,
    string? Include = null,
    string? Exclude = null,
    string? ReferenceClassName = null,
    string? ReferenceOptions = null,
    EquatableArray<OverlayInput> Overlays = default,
    bool IncludeFromProject = false,
    bool ExcludeFromProject = false,
    bool StreamArrays = false,
    bool Streams = true);

/// <summary>An OpenAPI Overlay document (AdditionalFiles with OpenApiOverlay metadata) and the spec file it names.</summary>
public sealed record OverlayInput(string Path, string Text, string Target);

/// <summary>What the compilation can host: decides whether server and DI code are emitted.</summary>
public sealed record CompilationFeatures(bool HasAspNetCoreMvc, bool HasHttpClientFactory);
