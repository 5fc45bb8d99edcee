using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>Reads one spec file into an <see cref="ApiSpec"/> plus located diagnostics. Never throws.</summary>
public static class SpecReader
{
    private static readonly Regex JsonLine = new(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex YamlLine = new(@"at line (\d+), column (\d+)", RegexOptions.CultureInvariant);

    /// <remarks>Cancellation is checked per schema and per operation and always propagates: it is never a diagnostic.</remarks>
    public static SpecResult Read(SpecInput input, CompilationFeatures features, System.Threading.CancellationToken cancellationToken = default)
    {
        var isJson = input.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var context = new ReadContext(input.Path, input.Text, isJson, cancellationToken);
        try
        {
            return new SpecResult(input.Path, ReadCore(input, features, context, isJson), context.Diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Report(DiagnosticDescriptors.UnexpectedException.Id, null, input.Path, "reading the spec", ex.GetType().FullName ?? "Exception", ex.Message);
            return new SpecResult(input.Path, null, context.Diagnostics.ToEquatableArray());
        }
    }

    private static ApiSpec? ReadCore(SpecInput input, CompilationFeatures features, ReadContext context, bool isJson)
    {
        var generate = SpecOptionsReader.ReadGenerate(input, features, context);
        ReadResult result;
        try
        {
            // Settings per read: the compiler server runs several compilations at once, and the reader's settings hold mutable state.
            // A spec is parsed once, for the reader and for the raw document (a 13 MB spec's node tree is ~200 MB); YAML
            // becomes the same JSON nodes the YAML reader would build. Text that does not parse goes through the reader's
            // own path, which reports why.
            if (input.Overlays.Count > 0 && context.Raw.Root is { } overlaid) Overlays.OverlayApplier.Apply(overlaid, input.Overlays, context);
            result = context.Raw.Root is { } root
                ? new OpenApiJsonReader().Read(root, new Uri("https://openapi.net/"), CreateSettings())
                : OpenApiDocument.Parse(input.Text, isJson ? "json" : "yaml", CreateSettings());
        }
        catch (OpenApiUnsupportedSpecVersionException ex)
        {
            context.Report(DiagnosticDescriptors.UnsupportedVersion.Id, "#/openapi", input.Path, ex.Message);
            return null;
        }
        var errors = result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>();

        if (result.Document is null || errors.Any(e => e.Message.Contains("Version node not found")))
        {
            ReportUnreadable(input, context, errors);
            return null;
        }
        // The reader recovered and produced a document: generation goes on, so these are warnings, located at the node.
        foreach (var error in errors) context.Report(DiagnosticDescriptors.ReaderWarning.Id, error.Pointer, error.Message);
        foreach (var warning in result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>())
        {
            // Unresolved $refs are reported where the schema is used, with their own ID.
            if (!warning.Message.Contains("does not point to an existing")) context.Report(DiagnosticDescriptors.ReaderWarning.Id, warning.Pointer, warning.Message);
        }

        var document = result.Document;
        var title = document.Info?.Title is { Length: > 0 } t ? t : System.IO.Path.GetFileNameWithoutExtension(input.Path);
        var reference = OpenApiReferenceOptions.Read(input, context);
        var clientName = SpecOptionsReader.ClientName(input, reference.ClientName ?? title);
        var typeNames = new NameScope(ReservedNames.SpecTypes(clientName));
        context.CancellationToken.ThrowIfCancellationRequested();
        var references = new References(document);
        DocumentChecks.Run(document, references, context);
        var schemas = new SchemaMapper(context, typeNames, document, references);
        var schemes = SecurityReader.ReadSchemes(document, context);
        var filter = OperationFilter.Read(input, context);
        var operations = new OperationReader(document, context, schemas, references, schemes, input.StreamArrays, input.Streams);
        var groups = operations.ReadGroups(typeNames, clientName, filter);
        var notifications = generate.Webhooks ? operations.ReadNotifications(typeNames, groups.Select(g => g.Name), filter) : new System.Collections.Generic.List<OperationGroup>();
        filter.ReportUnmatched(input.Path, context);
        schemas.MapComponents(generate.AllModels);

        var specContext = new SpecContext(
            SpecOptionsReader.Namespace(input with { Namespace = input.Namespace ?? reference.Namespace }, title),
            clientName,
            title,
            input.Path,
            schemes.ToEquatableArray(),
            features.HasHttpClientFactory,
            // The client's File type and multipart helper exist only where an operation sends files or multipart.
            groups.Any(g => g.Operations.Any(o => o.Body?.Fields.Any(f => f.IsFile) == true)),
            groups.Any(g => g.Operations.Any(o => o.Body?.Kind == BodyKind.Multipart)),
            generate.Server,
            generate.MinimalApi);
        // Unused schemas go first: merging then names each shared type after a place the operations use, and has less to compare.
        // Webhooks and callbacks use models like operations do: pruned and merged together, then told apart again.
        var all = groups.Concat(notifications).ToList();
        var complete = generate.AllModels ? schemas.CompleteModels() : ModelPruner.KeepUsed(schemas.CompleteModels(), all);
        var (models, named) = ModelDeduplicator.Apply(complete, all, schemas.ModelPointers, schemas.InlineModels, context);
        return new ApiSpec(specContext, generate, models.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            named.Take(groups.Count).ToEquatableArray(), named.Skip(groups.Count).ToEquatableArray());
    }

    private static void ReportUnreadable(SpecInput input, ReadContext context, System.Collections.Generic.IList<OpenApiError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Message.Contains("Version node not found"))
            {
                context.Report(DiagnosticDescriptors.NotOpenApi.Id, null, input.Path);
                continue;
            }
            var json = JsonLine.Match(error.Message);
            var yaml = YamlLine.Match(error.Message);
            if (json.Success)
            {
                context.ReportAtLine(DiagnosticDescriptors.SpecNotParsable.Id, Int(json.Groups[1].Value), Int(json.Groups[2].Value), input.Path, error.Message);
            }
            else if (yaml.Success)
            {
                context.ReportAtLine(DiagnosticDescriptors.SpecNotParsable.Id, Math.Max(0, Int(yaml.Groups[1].Value) - 1), Math.Max(0, Int(yaml.Groups[2].Value) - 1), input.Path, error.Message);
            }
            else
            {
                context.Report(DiagnosticDescriptors.SpecNotParsable.Id, error.Pointer, input.Path, error.Message);
            }
        }
        if (errors.Count == 0) context.Report(DiagnosticDescriptors.SpecNotParsable.Id, null, input.Path, "the reader returned no document");
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static OpenApiReaderSettings CreateSettings()
    {
        // No external loading: a generator reads only what the compiler hands it. No validation walk: DocumentChecks
        // does the part of it that finds anything in real specs, without walking the document again.
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = new ValidationRuleSet() };
        settings.AddYamlReader();
        return settings;
    }
}
