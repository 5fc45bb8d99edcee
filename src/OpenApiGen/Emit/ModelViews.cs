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
            Modifiers = model.IsBase ? "partial" : "sealed partial",
            BaseClause = model.BaseName is null ? "" : " : global::" + context.Namespace + "." + model.BaseName,
            CtorAccess = model.IsBase ? "private protected" : "private",
            BaseCtor = model.BaseName is null ? "" : " : base(forJson)",
            New = model.BaseName is null ? "" : "new ",
            FieldAccess = model.IsBase ? "private protected" : "private",
            Derived = model.DerivedNames.Select(n => "global::" + context.Namespace + "." + n).ToArray(),
            PolymorphicRead = model.Discriminator is not null && model.DiscriminatorCases.Count > 0,
            DiscriminatorLiteral = CSharp.Literal(model.Discriminator ?? ""),
            Cases = model.DiscriminatorCases.Select(c => new
            {
                Tags = c.Tags.Select(CSharp.Literal).ToArray(),
                Type = "global::" + context.Namespace + "." + c.Name,
            }).ToArray(),
            // Metadata lists the base chain's properties first; their fields are private protected in the base.
            AllProperties = model.Inherited.Concat(model.Properties).Select(p => PropertyView(p, context.Namespace)).ToArray(),
            Properties = model.Properties.Select(p => PropertyView(p, context.Namespace)).ToArray(),
        },
    };

    private static object PropertyView(PropertyDef p, string ns) => new
    {
        p.Name,
        JsonName = CSharp.Literal(p.JsonName),
        p.Required,
        RequiredLiteral = p.Required ? "true" : "false",
        NameLiteral = CSharp.Literal(p.Name),
        // Property names never start with '_' followed by a letter, so these fields cannot collide with them.
        Field = "_" + p.Name.TrimStart('@'),
        Type = CSharp.Type(p.Required ? p.Type : p.Type.AsNullable(), ns),
        Doc = CSharp.DocComment(p.Description, "        "),
    };

    public static object Union(SpecContext context, ModelDef model)
    {
        var ns = context.Namespace;
        var variants = model.Variants.Select((v, i) => new
        {
            v.Name,
            Index = CSharp.Int(i + 1),
            Field = char.ToLowerInvariant(v.Name[0]) + v.Name.Substring(1),
            Type = CSharp.Type(v.Type, ns),
            // Fields of variants not held stay null, so reference-typed fields are declared nullable.
            FieldType = CSharp.Type(v.Type.IsValueType || v.Type.Kind == TypeKind.Json ? v.Type : v.Type.AsNullable(), ns),
            // User-defined conversions from interfaces (IReadOnlyList, IReadOnlyDictionary) are not allowed in C#.
            Implicit = v.Type.Kind != TypeKind.Array && v.Type.Kind != TypeKind.Map,
            Write = WriteStatement(v, char.ToLowerInvariant(v.Name[0]) + v.Name.Substring(1), CSharp.RuntimeType(v.Type, ns)),
        }).ToArray();
        return new
        {
            context.Namespace,
            SourceEmitter.Version,
            Model = new
            {
                model.Name,
                Doc = CSharp.DocComment(model.Description, "    "),
                Variants = variants,
                ReadLines = UnionReader.Lines(model, ns),
                HasDiscriminator = model.Discriminator is not null,
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
                BaseType = model.EnumBase,
                IsString = isString,
                Members = model.EnumMembers.Select(m => new
                {
                    m.Name,
                    Literal = isString ? CSharp.Literal(m.Value) : (model.EnumBase == "long" ? m.Value + "L" : m.Value),
                    Doc = CSharp.DocComment(m.Description ?? m.Value, "        "),
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

    private static string WriteStatement(UnionVariant variant, string field, string type) => variant.Type.Name switch
    {
        "string" when variant.Type.Kind == TypeKind.Primitive => "writer.WriteStringValue(_" + field + ");",
        "bool" when variant.Type.Kind == TypeKind.Primitive => "writer.WriteBooleanValue(_" + field + ");",
        "int" or "long" or "ulong" or "double" or "float" or "decimal" when variant.Type.Kind == TypeKind.Primitive => "writer.WriteNumberValue(_" + field + ");",
        _ => "global::System.Text.Json.JsonSerializer.Serialize(writer, _" + field + "!, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + type + ">)options.GetTypeInfo(typeof(" + type + ")));",
    };
}
