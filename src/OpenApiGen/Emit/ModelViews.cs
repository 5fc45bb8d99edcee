using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Template views for models: every spec string is already escaped here.</summary>
public static class ModelViews
{
    public static ModelFileView<ObjectView> Object(SpecContext context, ModelDef model) => new(
        context.Namespace,
        SourceEmitter.Version,
        new ObjectView(
            model.Name,
            CSharp.DocComment(model.Description, "    "),
            CSharp.Obsolete(model.Deprecated, model.Description, "    "),
            model.IsBase ? "partial" : "sealed partial",
            model.BaseName is null ? "" : " : " + model.BaseName,
            model.BaseName is null ? "" : "new ",
            model.DerivedNames.ToArray(),
            model.Discriminator is not null && model.DiscriminatorCases.Count > 0,
            CSharp.Literal(model.Discriminator ?? ""),
            model.DiscriminatorCases.Select(c => new CaseView(c.Tags.Select(CSharp.Literal).ToArray(), c.Name)).ToArray(),
            // Metadata lists the base chain's properties first.
            MetadataViews(model.Inherited.Concat(model.Properties).ToList()),
            model.Properties.Select(PropertyView).ToArray()));

    // The serializer binds each member initializer to its property by name and type, ignoring case: properties whose C#
    // names differ only in case (Jira's Fields.issueType and issuetype) get metadata names that do not, with a suffix.
    private static PropertyView[] MetadataViews(List<PropertyDef> properties) => properties.Select((p, i) =>
    {
        var name = p.Name.TrimStart('@');
        var clash = properties.Where((o, j) => j < i && string.Equals(o.Name.TrimStart('@'), name, System.StringComparison.OrdinalIgnoreCase)).Any();
        return PropertyView(p, clash ? name + "_" + CSharp.Int(i) : name);
    }).ToArray();

    // In the model's own file: the spec's types by their simple names (see CSharp.Type).
    private static PropertyView PropertyView(PropertyDef p) => PropertyView(p, p.Name.TrimStart('@'));

    private static PropertyView PropertyView(PropertyDef p, string metadataName) => new(
        p.Name,
        CSharp.Literal(p.JsonName),
        p.Required,
        // A required constant has its value as initializer: callers need not set it, and JSON still requires it.
        p.Required && p.Type.Constant is null,
        p.Required && p.Type.Constant is { } constant ? " = " + CSharp.Literal(constant) + ";" : "",
        p.Required ? "true" : "false",
        // The metadata's member name: the C# name without a keyword's @, unique ignoring case (see MetadataViews).
        CSharp.Literal(metadataName),
        CSharp.Type(p.Required ? p.Type : p.Type.AsNullable(), null),
        CSharp.DocComment(p.Description, "        ", !p.Required && p.Type.Constant is { } only ? "The one value it can have is \"" + only + "\"." : null),
        CSharp.Obsolete(p.Deprecated, p.Description, "        "));

    public static ModelFileView<UnionView> Union(SpecContext context, ModelDef model) => new(
        context.Namespace,
        SourceEmitter.Version,
        new UnionView(
            model.Name,
            CSharp.DocComment(model.Description, "    "),
            CSharp.Obsolete(model.Deprecated, model.Description, "    "),
            model.Variants.Select((v, i) => new VariantView(
                v.Name,
                CSharp.Int(i + 1),
                CSharp.Type(v.Type, null),
                CSharp.RuntimeType(v.Type, null),
                // User-defined conversions from interfaces (IReadOnlyList, IReadOnlyDictionary) are not allowed in C#.
                v.Type.Kind != TypeKind.Array && v.Type.Kind != TypeKind.Map,
                // A constant variant (Stripe's "" beside an object) is a static value of the union, not a type to wrap.
                v.Type.Constant is { } constant ? CSharp.Literal(constant) : null)).ToArray(),
            UnionReader.Lines(model)));

    public static ModelFileView<EnumView> Enum(SpecContext context, ModelDef model)
    {
        var isString = model.EnumBase == "string";
        return new(
            context.Namespace,
            SourceEmitter.Version,
            new EnumView(
                model.Name,
                CSharp.DocComment(model.Description, "    "),
                CSharp.Obsolete(model.Deprecated, model.Description, "    "),
                model.EnumBase,
                isString,
                model.EnumMembers.Select(m => new EnumMemberView(
                    m.Name,
                    isString ? CSharp.Literal(m.Value) : (model.EnumBase == "long" ? m.Value + "L" : m.Value),
                    // The value itself is no documentation: Value and the member name already say it.
                    CSharp.DocComment(m.Description, "        "))).ToArray(),
                JsonTypeCatalog.OpenEnumConverter(model.EnumBase)));
    }

    public static JsonContextView JsonContext(SpecContext context, EquatableArray<JsonTypeEntry> types) => new(
        context.Namespace,
        SourceEmitter.Version,
        context.ClientName,
        string.Join(" ", CSharp.XmlLines(context.Title)),
        types.Select(JsonContextLine).ToArray(),
        types.Any(t => t.Argument == JsonTypeCatalog.DateTimeConverter));

    private const string Metadata = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.";

    private static string JsonContextLine(JsonTypeEntry entry)
    {
        var t = entry.TypeName;
        // Short helpers (in the template) keep this file small: it lists every serialized type of the spec.
        var create = entry.Shape switch
        {
            JsonShape.Object => t + ".CreateJsonTypeInfo(options)",
            JsonShape.Converter => "Value<" + t + ">(options, new " + entry.Argument + "())",
            JsonShape.Value => "Value<" + t + ">(options, " + Metadata + entry.Argument + ")",
            JsonShape.Nullable => "Nullable<" + entry.Argument + ">(options)",
            JsonShape.List => "List<" + entry.Argument + ">(options)",
            _ => "Map<" + entry.Argument + ">(options)",
        };
        return "if (type == typeof(" + t + ")) return " + create + ";";
    }
}
