namespace OpenApiGen.Model;

/// <summary>Which parts a spec generates; parsed from the OpenApiGenerate item metadata.</summary>
public sealed record GenerateOptions(bool Models, bool Client, bool Server, bool ServerExplicit);

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
