using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// A real spec's client ("Client;Models") generated and compiled in memory, loaded into a collectible context, plus the
/// generator's own reading of the spec (operation names, groups, paths, parameters) to find each operation's method.
/// </summary>
public sealed class GeneratedClient : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedClient(ApiSpec spec, AssemblyLoadContext context, Assembly assembly)
    {
        Spec = spec;
        _context = context;
        Assembly = assembly;
        var ns = spec.Context.Namespace + ".";
        ClientType = assembly.GetType(ns + spec.Context.ClientName + "Client", throwOnError: true)!;
        OptionsType = assembly.GetType(ns + spec.Context.ClientName + "ClientOptions", throwOnError: true)!;
        // Generated only for specs that send file parts.
        FileType = assembly.GetType(ns + spec.Context.ClientName + "File", throwOnError: false);
        ApiExceptionType = assembly.GetType(ns + spec.Context.ClientName + "ApiException", throwOnError: true)!;
        var jsonContext = assembly.GetType(ns + spec.Context.ClientName + "JsonContext", throwOnError: true)!;
        JsonOptions = (JsonSerializerOptions)jsonContext.GetMethod("CreateOptions", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
    }

    public ApiSpec Spec { get; }

    public Type ClientType { get; }

    public Type OptionsType { get; }

    public Type? FileType { get; }

    public Type ApiExceptionType { get; }

    public JsonSerializerOptions JsonOptions { get; }

    public Assembly Assembly { get; }

    /// <summary>Generates <paramref name="generate"/> (default "Client;Models") in the namespace given (default Prism.{SpecName}), compiled with the extra sources.</summary>
    public static GeneratedClient Create(string specPath, string? ns = null, string generate = "Client;Models", params string[] extraSources)
    {
        var text = File.ReadAllText(specPath);
        var name = Path.GetFileName(specPath);
        ns ??= "Prism." + Naming.Identifier.Pascal(Path.GetFileNameWithoutExtension(name));
        var read = SpecReader.Read(new SpecInput("/specs/" + name, text, ns, null, generate, "Consumer"), new CompilationFeatures(HasAspNetCoreMvc: true, HasHttpClientFactory: true));
        var spec = read.Spec ?? throw new InvalidOperationException(name + " could not be read: " + string.Join("; ", read.Diagnostics.Select(d => d.Id)));

        var (result, compilation) = GeneratorHarness.Run(new SpecFile("/specs/" + name, text, ns, generate));
        var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        compilation = compilation.AddSyntaxTrees(extraSources.Select(source => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, options)));
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(name + ": generator errors\n" + string.Join("\n", errors.Take(10)));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success) throw new InvalidOperationException(name + ": compile errors\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("prism-" + name, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        return new GeneratedClient(spec, context, assembly);
    }

    /// <summary>
    /// A client over the given handler. With credentials, every string option (API keys, tokens, user names,
    /// passwords) is "prism-{option name in lower case}", so Prism's security checks pass.
    /// </summary>
    public object CreateClient(HttpMessageHandler handler, Uri baseAddress, bool withCredentials = true)
    {
        var options = Activator.CreateInstance(OptionsType)!;
        OptionsType.GetProperty("BaseAddress")!.SetValue(options, baseAddress);
        foreach (var property in OptionsType.GetProperties().Where(p => withCredentials && p.PropertyType == typeof(string) && p.CanWrite))
        {
            property.SetValue(options, "prism-" + property.Name.ToLowerInvariant());
        }
        return Activator.CreateInstance(ClientType, new HttpClient(handler, disposeHandler: false), options)!;
    }

    /// <summary>The group client (client.Pets) and its method for the operation.</summary>
    public (object Group, MethodInfo Method) Find(object client, OperationGroup group, OperationDef operation)
    {
        // The group property is typed by the group's interface ({Client}Client.I{Group}Client), named after the group.
        var groupProperty = ClientType.GetProperties().Single(p => p.Name == group.Name && p.PropertyType.DeclaringType == ClientType);
        var method = groupProperty.PropertyType.GetMethod(operation.Name + "Async") ?? throw new MissingMethodException(groupProperty.PropertyType.Name, operation.Name + "Async");
        return (groupProperty.GetValue(client)!, method);
    }

    public void Dispose() => _context.Unload();
}
