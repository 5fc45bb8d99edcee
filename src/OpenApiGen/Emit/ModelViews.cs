using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Template views for models: every spec string is already escaped here.</summary>
public static class ModelViews
{
    public static object Object(SpecContext context, ModelDef model) => new
    {
        context.Namespace,
        SourceEmitter.Version,
        Client = context.ClientName,
        Model = new
        {
            model.Name,
            Doc = CSharp.DocComment(model.Description, "    "),
            Obsolete = CSharp.Obsolete(model.Deprecated, model.Description, "    "),
            Modifiers = model.IsBase ? "partial" : "sealed partial",
            BaseClause = model.BaseName is null ? "" : " : " + model.BaseName,
            New = model.BaseName is null ? "" : "new ",
            Derived = model.DerivedNames.ToArray(),
            PolymorphicRead = model.Discriminator is not null && model.DiscriminatorCases.Count > 0,
            DiscriminatorLiteral = CSharp.Literal(model.Discriminator ?? ""),
            Cases = model.DiscriminatorCases.Select(c => new
            {
                Tags = c.Tags.Select(CSharp.Literal).ToArray(),
                Type = c.Name,
            }).ToArray(),
            // Metadata lists the base chain's properties first.
            AllProperties = MetadataViews(model.Inherited.Concat(model.Properties).ToList()),
            Properties = model.Properties.Select(PropertyView).ToArray(),
        },
    };

    // The serializer binds each member initializer to its property by name and type, ignoring case: properties whose C#
    // names differ only in case (Jira's Fields.issueType and issuetype) get metadata names that do not, with a suffix.
    private static object[] MetadataViews(List<PropertyDef> properties) => properties.Select((p, i) =>
    {
        var name = p.Name.TrimStart('@');
        var clash = properties.Where((o, j) => j < i && string.Equals(o.Name.TrimStart('@'), name, System.StringComparison.OrdinalIgnoreCase)).Any();
        return PropertyView(p, clash ? name + "_" + CSharp.Int(i) : name);
    }).ToArray();

    // In the model's own file: the spec's types by their simple names (see CSharp.Type).
    private static object PropertyView(PropertyDef p) => PropertyView(p, p.Name.TrimStart('@'));

    private static object PropertyView(PropertyDef p, string metadataName) => new
    {
        p.Name,
        JsonName = CSharp.Literal(p.JsonName),
        // A required constant has its value as initializer: callers need not set it, and JSON still requires it.
        p.Required,
        RequiredKeyword = p.Required && p.Type.Constant is null,
        Initializer = p.Required && p.Type.Constant is { } constant ? " = " + CSharp.Literal(constant) + ";" : "",
        RequiredLiteral = p.Required ? "true" : "false",
        // The metadata's member name: the C# name without a keyword's @, unique ignoring case (see MetadataViews).
        NameLiteral = CSharp.Literal(metadataName),
        Type = CSharp.Type(p.Required ? p.Type : p.Type.AsNullable(), null),
        Doc = CSharp.DocComment(p.Description, "        ", !p.Required && p.Type.Constant is { } only ? "The one value it can have is \"" + only + "\"." : null),
        Obsolete = CSharp.Obsolete(p.Deprecated, p.Description, "        "),
    };

    public static object Union(SpecContext context, ModelDef model)
    {
        var variants = model.Variants.Select((v, i) => new
        {
            v.Name,
            Index = CSharp.Int(i + 1),
            Type = CSharp.Type(v.Type, null),
            RuntimeType = CSharp.RuntimeType(v.Type, null),
            // User-defined conversions from interfaces (IReadOnlyList, IReadOnlyDictionary) are not allowed in C#.
            Implicit = v.Type.Kind != TypeKind.Array && v.Type.Kind != TypeKind.Map,
            // A constant variant (Stripe's "" beside an object) is a static value of the union, not a type to wrap.
            Constant = v.Type.Constant is { } constant ? CSharp.Literal(constant) : null,
        }).ToArray();
        return new
        {
            context.Namespace,
            SourceEmitter.Version,
            Model = new
            {
                model.Name,
                Doc = CSharp.DocComment(model.Description, "    "),
                Obsolete = CSharp.Obsolete(model.Deprecated, model.Description, "    "),
                Variants = variants,
                ReadLines = UnionReader.Lines(model),
            },
        };
    }

    public static object Enum(SpecContext context, ModelDef model)
    {
        var isString = model.EnumBase == "string";
        return new
        {
            context.Namespace,
            SourceEmitter.Version,
            Model = new
            {
                model.Name,
                Doc = CSharp.DocComment(model.Description, "    "),
                Obsolete = CSharp.Obsolete(model.Deprecated, model.Description, "    "),
                BaseType = model.EnumBase,
                IsString = isString,
                Members = model.EnumMembers.Select(m => new
                {
                    m.Name,
                    Literal = isString ? CSharp.Literal(m.Value) : (model.EnumBase == "long" ? m.Value + "L" : m.Value),
                    // The value itself is no documentation: Value and the member name already say it.
                    Doc = CSharp.DocComment(m.Description, "        "),
                }).ToArray(),
                Converter = JsonTypeCatalog.OpenEnumConverter(model.EnumBase),
            },
        };
    }

    public static object JsonContext(SpecContext context, EquatableArray<JsonTypeEntry> types) => new
    {
        context.Namespace,
        SourceEmitter.Version,
        Client = context.ClientName,
        TitleDoc = string.Join(" ", CSharp.XmlLines(context.Title)),
        Lines = types.Select(JsonContextLine).ToArray(),
        HasDateTime = types.Any(t => t.Argument == JsonTypeCatalog.DateTimeConverter),
    };

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
