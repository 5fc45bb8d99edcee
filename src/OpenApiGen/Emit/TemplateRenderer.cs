using System.Collections.Generic;
using System.IO;
using Scriban;
using Scriban.Runtime;

namespace OpenApiGen.Emit;

/// <summary>Renders embedded Scriban templates. Templates are parsed once per process, never per run.</summary>
public static class TemplateRenderer
{
    private static readonly Dictionary<string, Template> Templates = LoadAll();

    // One context per thread, reused: Scriban caches member accessors per .NET type in the context, so a fresh
    // context per file would reflect over the same view types again for each of thousands of files.
    [System.ThreadStatic]
    private static TemplateContext? _context;

    public static string Render(string templateName, object view)
    {
        var globals = new ScriptObject();
        globals.Import(view, renamer: member => member.Name);
        var context = _context ?? CreateContext();
        _context = null; // taken: a failed render must not leave a half-used context behind
        context.PushGlobal(globals);
        context.PushOutput();
        var text = Templates[templateName].Render(context).Replace("\r\n", "\n");
        context.PopOutput();
        context.PopGlobal();
        _context = context;
        return text.EndsWith("\n", System.StringComparison.Ordinal) ? text : text + "\n";
    }

    private static TemplateContext CreateContext() =>
        // Templates use no Scriban built-in functions: an empty built-in object skips building the default library.
        new(new ScriptObject())
        {
            LoopLimit = 0,
            LimitToString = 0,
            RecursiveLimit = 0,
            NewLine = "\n",
            MemberRenamer = member => member.Name,
            StrictVariables = true,
        };

    private static Dictionary<string, Template> LoadAll()
    {
        var assembly = typeof(TemplateRenderer).Assembly;
        var result = new Dictionary<string, Template>();
        foreach (var name in new[] { "Model", "Union", "Enum", "ClientCore", "ClientGroup", "ServerGroup", "ServerSecurity", "ServerInput", "JsonContext", "MinimalGroup", "MinimalEndpoints", "WebhookSender" })
        {
            using var stream = assembly.GetManifestResourceStream("OpenApiGen.Templates." + name + ".sbncs")
                ?? throw new InvalidDataException("Template " + name + " is not embedded.");
            using var reader = new StreamReader(stream);
            var template = Template.Parse(reader.ReadToEnd(), name);
            if (template.HasErrors) throw new InvalidDataException("Template " + name + ": " + string.Join("; ", template.Messages));
            result[name] = template;
        }
        return result;
    }
}
