namespace OpenApiGen.Model;

/// <summary>Which parts a spec generates; parsed from the OpenApiGenerate item metadata.</summary>
/// <remarks><see cref="AllModels"/>: every schema of the spec becomes a type, not only those the generated operations use.</remarks>
public sealed record GenerateOptions(bool Models, bool Client, bool Server, bool ServerExplicit, bool AllModels = false);

/// <summary>One AdditionalFiles spec with its per-file options: the first stage's output.</summary>
public sealed record SpecInput(
    string Path,
    string Text,
    string? Namespace,
    string? ClientName,
    string? GenerateRaw,
    string? RootNamespace);

/// <summary>What the compilation can host: decides whether server and DI code are emitted.</summary>
public sealed record CompilationFeatures(bool HasAspNetCoreMvc, bool HasHttpClientFactory);
