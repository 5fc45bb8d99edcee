using System;
using System.Linq;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>Reads the per-file MSBuild metadata (OpenApiGenerate, OpenApiNamespace, OpenApiClientName).</summary>
public static class SpecOptionsReader
{
    public static GenerateOptions ReadGenerate(SpecInput input, CompilationFeatures features, ReadContext context)
    {
        if (string.IsNullOrWhiteSpace(input.GenerateRaw))
        {
            return new GenerateOptions(Models: true, Client: true, Server: features.HasAspNetCoreMvc, ServerExplicit: false);
        }
        bool models = false, client = false, server = false, minimal = false, webhooks = false, allModels = false;
        foreach (var part in input.GenerateRaw!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
        {
            if (part.Equals("Models", StringComparison.OrdinalIgnoreCase)) models = true;
            else if (part.Equals("Client", StringComparison.OrdinalIgnoreCase)) client = true;
            else if (part.Equals("Server", StringComparison.OrdinalIgnoreCase)) server = true;
            else if (part.Equals("MinimalApi", StringComparison.OrdinalIgnoreCase)) minimal = true;
            else if (part.Equals("Webhooks", StringComparison.OrdinalIgnoreCase)) webhooks = true;
            else if (part.Equals("AllModels", StringComparison.OrdinalIgnoreCase)) models = allModels = true;
            else if (part.Length > 0) context.Report(DiagnosticDescriptors.UnknownMetadata.Id, null, part, "OpenApiGenerate", input.Path, "Client, Server, MinimalApi, Webhooks, Models or AllModels separated by ';'");
        }
        if ((server || minimal) && !features.HasAspNetCoreMvc)
        {
            // Emitting controllers or endpoints without ASP.NET Core would only produce compile errors in the user's project.
            context.Report(DiagnosticDescriptors.ServerNeedsAspNetCore.Id, null, input.Path);
            server = minimal = false;
        }
        // Clients and servers use the models, so asking for either implies them; Models alone means every schema.
        var anyCode = client || server || minimal || webhooks;
        return new GenerateOptions(models || anyCode, client, server, server, allModels || !anyCode, minimal, webhooks);
    }

    public static string Namespace(SpecInput input, string title)
    {
        var raw = !string.IsNullOrWhiteSpace(input.Namespace)
            ? input.Namespace!
            : (string.IsNullOrWhiteSpace(input.RootNamespace) ? "OpenApi" : input.RootNamespace!) + "." + Identifier.Pascal(title, "Api");
        var segments = raw.Split('.').Where(s => s.Trim().Length > 0).Select(s => Identifier.Pascal(s, "Api")).ToArray();
        return segments.Length == 0 ? "OpenApi" : string.Join(".", segments);
    }

    public static string ClientName(SpecInput input, string title) =>
        Identifier.Pascal(string.IsNullOrWhiteSpace(input.ClientName) ? title : input.ClientName!, "Api");
}
