using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Diagnostics;
using OpenApiGen.Emit;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen;

/// <summary>Wires the stages: spec files → model → render units → sources, with diagnostics reported separately.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Spec-independent code is internal and [Embedded], so projects that see each other's internals never get two copies.
        context.RegisterPostInitializationOutput(static output => output.AddEmbeddedAttributeDefinition());

        var candidates = context.AdditionalTextsProvider
            .Where(SpecInputReader.IsCandidate)
            .Combine(context.AnalyzerConfigOptionsProvider);

        // OpenAPI Overlay documents (OpenApiOverlay metadata) travel with the spec they name.
        var overlays = candidates
            .Select((pair, ct) => SpecInputReader.ReadOverlay(pair.Left, pair.Right, ct))
            .Where(overlay => overlay is not null)
            .Select((overlay, _) => overlay!)
            .Collect()
            .WithTrackingName(TrackingNames.Overlays);

        var plainInputs = candidates
            .Select((pair, ct) => SpecInputReader.Read(pair.Left, pair.Right, ct))
            .Where(input => input is not null)
            .Select((input, _) => input!);

        var inputs = plainInputs
            .Combine(overlays)
            .Select((pair, _) => SpecInputReader.WithOverlays(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SpecInputs);

        // An overlay that names no spec of the project is a typo: say so in the overlay file.
        context.RegisterSourceOutput(overlays.Combine(plainInputs.Select((input, _) => input.Path).Collect()), static (spc, pair) =>
        {
            foreach (var overlay in pair.Left.Where(o => !pair.Right.Any(path => SpecInputReader.Names(o, path))))
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OverlayInvalid, Location.Create(overlay.Path, default, default), overlay.Path,
                    "OpenApiOverlay names '" + overlay.Target + "', which is no spec of this project"));
            }
        });

        var features = context.CompilationProvider
            .Select((compilation, _) => new CompilationFeatures(
                compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase") is not null,
                compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions") is not null))
            .WithTrackingName(TrackingNames.Features);

        var specs = inputs
            .Combine(features)
            .Select((pair, cancellationToken) => SpecReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Specs);

        var diagnostics = specs
            .Select((spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items) spc.ReportDiagnostic(DiagnosticFactory.ToDiagnostic(item));
        });

        var units = specs
            .SelectMany((spec, _) => spec.Spec is null ? Enumerable.Empty<RenderUnit>() : RenderPlanner.SafePlan(spec.Spec))
            .WithTrackingName(TrackingNames.RenderUnits);
        context.RegisterSourceOutput(units, static (spc, unit) => Emit(spc, unit));

        // The runtime files the generated code uses, once per compilation whatever the number of specs.
        var runtime = units
            .Select((unit, _) => RuntimeSources.PartsFor(unit))
            .Collect()
            .Select((parts, _) => parts.Aggregate(RuntimePart.None, (all, part) => all | part))
            .WithTrackingName(TrackingNames.RuntimeParts);
        context.RegisterSourceOutput(runtime, static (spc, parts) =>
        {
            foreach (var file in RuntimeSources.For(parts)) spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        });
    }

    // A failure renders nothing for this unit and says so; every other unit still generates.
    private static void Emit(SourceProductionContext context, RenderUnit unit)
    {
        if (unit.Kind == RenderKind.PlanFailure)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnexpectedException,
                Location.Create(unit.Context.SpecPath, default, default),
                unit.Context.SpecPath,
                "planning the generated files",
                unit.GroupNames[0],
                unit.GroupNames[1]));
            return;
        }
        try
        {
            context.AddSource(unit.HintName, SourceText.From(SourceEmitter.Render(unit), System.Text.Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnexpectedException,
                Location.Create(unit.Context.SpecPath, default, default),
                unit.Context.SpecPath,
                "rendering " + unit.HintName,
                ex.GetType().FullName,
                ex.Message));
        }
    }
}
