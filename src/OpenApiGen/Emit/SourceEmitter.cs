using System;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Renders one <see cref="RenderUnit"/> into C# source.</summary>
public static class SourceEmitter
{
    public static readonly string Version = typeof(SourceEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Render(RenderUnit unit) => unit.Kind switch
    {
        RenderKind.Model when unit.Model!.Kind == ModelKind.Enum => TemplateRenderer.Render("Enum", ModelViews.Enum(unit.Context, unit.Model)),
        RenderKind.Model when unit.Model!.Kind == ModelKind.Union => TemplateRenderer.Render("Union", ModelViews.Union(unit.Context, unit.Model)),
        RenderKind.Model => TemplateRenderer.Render("Model", ModelViews.Object(unit.Context, unit.Model!)),
        RenderKind.ClientCore => TemplateRenderer.Render("ClientCore", ClientViews.Core(unit.Context, unit.GroupNames)),
        RenderKind.ClientGroup => TemplateRenderer.Render("ClientGroup", ClientViews.Group(unit.Context, unit.Group!)),
        RenderKind.ServerGroup => TemplateRenderer.Render("ServerGroup", ServerViews.Group(unit.Context, unit.Group!)),
        RenderKind.JsonContext => TemplateRenderer.Render("JsonContext", ModelViews.JsonContext(unit.Context, unit.JsonTypes)),
        RenderKind.ServerInput => TemplateRenderer.Render("ServerInput", ServerViews.Input(unit.Context)),
        RenderKind.ServerSecurity => TemplateRenderer.Render("ServerSecurity", ServerViews.Security(unit.Context)),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit.Kind, null),
    };
}
