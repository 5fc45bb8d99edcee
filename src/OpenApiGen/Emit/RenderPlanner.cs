using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Splits a spec into files, so an edit re-renders only the files whose inputs changed.</summary>
public static class RenderPlanner
{
    /// <summary>Plans eagerly so a failure surfaces here, where it can be dropped, not inside Roslyn's enumeration.</summary>
    public static IReadOnlyList<RenderUnit> SafePlan(ApiSpec spec)
    {
        try
        {
            return Plan(spec).ToList();
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            // A bug, not bad input: hand the failure on as a unit that the output step reports as OAG005.
            var details = new[] { ex.GetType().FullName ?? "Exception", ex.Message }.ToEquatableArray();
            return new[] { new RenderUnit(spec.Context.Namespace + ".PlanFailure", RenderKind.PlanFailure, spec.Context, null, null, details) };
        }
    }

    public static IEnumerable<RenderUnit> Plan(ApiSpec spec)
    {
        var context = spec.Context;
        var prefix = context.Namespace + ".";
        var none = EquatableArray<string>.Empty;
        var deprecated = new HashSet<string>(spec.Models.Where(m => m.Deprecated).Select(m => m.Name), System.StringComparer.Ordinal);
        if (spec.Generate.Models)
        {
            foreach (var model in spec.Models)
            {
                yield return new RenderUnit(prefix + "Models." + model.Name + ".g.cs", RenderKind.Model, context, model, null, none, UsesObsolete: ObsoleteUse.InModel(model, deprecated));
            }
        }
        if (spec.Generate.Models || spec.Generate.Client)
        {
            // Lists types, never descriptions: a documentation edit leaves this file cached.
            yield return new RenderUnit(prefix + context.ClientName + "JsonContext.g.cs", RenderKind.JsonContext, context, null, null, none, JsonTypeCatalog.Build(spec), UsesObsolete: deprecated.Count > 0);
        }
        if (spec.Generate.Client)
        {
            var groups = spec.Groups.Select(g => g.Name).ToEquatableArray();
            yield return new RenderUnit(prefix + context.ClientName + "Client.g.cs", RenderKind.ClientCore, context, null, null, groups);
            foreach (var group in spec.Groups)
            {
                yield return new RenderUnit(prefix + context.ClientName + "Client." + group.Name + ".g.cs", RenderKind.ClientGroup, context, null, group, none, UsesObsolete: ObsoleteUse.InGroup(group, deprecated, client: true));
            }
        }
        // Webhook and callback receivers: the server kinds the spec generates, with the same input checks and results.
        var receivers = spec.Generate.Webhooks ? spec.Notifications : EquatableArray<OperationGroup>.Empty;
        if (spec.Generate.Server || spec.Generate.MinimalApi)
        {
            yield return new RenderUnit(prefix + context.ClientName + "ServerInput.g.cs", RenderKind.ServerInput, context, null, null, none);
            if (context.SecuritySchemes.Count > 0) yield return new RenderUnit(prefix + context.ClientName + "Security.g.cs", RenderKind.ServerSecurity, context, null, null, none);
        }
        if (spec.Generate.Server)
        {
            foreach (var group in spec.Groups.Concat(receivers))
            {
                yield return new RenderUnit(prefix + group.ControllerName + ".g.cs", RenderKind.ServerGroup, context, null, group, none, UsesObsolete: ObsoleteUse.InGroup(group, deprecated, client: false));
            }
        }
        if (spec.Generate.MinimalApi)
        {
            var groups = spec.Groups.Select(g => g.Name).ToEquatableArray();
            yield return new RenderUnit(prefix + context.ClientName + "Endpoints.g.cs", RenderKind.MinimalEndpoints, context, null, null, groups);
            foreach (var group in spec.Groups.Concat(receivers))
            {
                yield return new RenderUnit(prefix + group.HandlerName + ".g.cs", RenderKind.MinimalGroup, context, null, group, none, UsesObsolete: ObsoleteUse.InGroup(group, deprecated, client: false));
            }
        }
        if (receivers.Count > 0)
        {
            var all = new OperationGroup("Notifications", "", receivers.SelectMany(g => g.Operations).ToEquatableArray());
            yield return new RenderUnit(prefix + context.ClientName + "WebhookSender.g.cs", RenderKind.WebhookSender, context, null, all, none, UsesObsolete: ObsoleteUse.InGroup(all, deprecated, client: false));
        }
    }
}
