using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>Builds the Read body of a union converter: the JSON token kind picks the variant.</summary>
public static class UnionReader
{
    private const string Union = "global::OpenApiGen.Runtime.Union.";

    /// <summary>The Read body, in the union's own file: the spec's types by their simple names.</summary>
    public static string[] Lines(ModelDef model)
    {
        var lines = new List<string> { "switch (reader.TokenType)", "{" };
        var byToken = model.Variants.GroupBy(v => v.Token == JsonToken.Integer ? JsonToken.Number : v.Token).OrderBy(g => g.Key);
        foreach (var group in byToken)
        {
            foreach (var label in Labels(group.Key)) lines.Add("    case global::System.Text.Json.JsonTokenType." + label + ":");
            if (group.Key == JsonToken.Object && model.Discriminator is { } discriminator && group.Any(v => v.Tags.Count > 0))
            {
                // The discriminator names the variant; untagged or unknown values fall back to trying each variant.
                lines.Add("        switch (" + Union + "ReadDiscriminator(reader, " + CSharp.Literal(discriminator) + "))");
                lines.Add("        {");
                foreach (var variant in group.Where(v => v.Tags.Count > 0))
                {
                    foreach (var tag in variant.Tags) lines.Add("            case " + CSharp.Literal(tag) + ":");
                    lines.Add("                return new " + model.Name + "(" + Read(variant) + ");");
                }
                lines.Add("        }");
            }
            // Constants are told apart by value, before any variant that reads every string.
            foreach (var constant in group.Where(v => v.Type.Constant is not null))
            {
                lines.Add("        if (reader.ValueTextEquals(" + CSharp.Literal(constant.Type.Constant!) + ")) return " + constant.Name + ";");
            }
            var ordered = group.Where(v => v.Type.Constant is null).OrderBy(Rank).ToList();
            if (ordered.Count == 0) lines.Add("        break;");
            for (var i = 0; i < ordered.Count; i++)
            {
                var variant = ordered[i];
                var create = "new " + model.Name;
                var last = i == ordered.Count - 1;
                if (variant.Type.Kind == TypeKind.Primitive && variant.Type.Name == "string")
                {
                    lines.Add("        return " + create + "(reader.GetString()!);");
                    break; // reads every string: later variants would be unreachable
                }
                else if (variant.Type.Kind == TypeKind.Primitive && variant.Type.Name == "bool")
                {
                    lines.Add("        return " + create + "(reader.GetBoolean());");
                    break;
                }
                else if (variant.Token == JsonToken.Integer && variant.Type.Kind == TypeKind.Primitive)
                {
                    var method = variant.Type.Name switch { "long" => "Int64", "ulong" => "UInt64", _ => "Int32" };
                    lines.Add("        if (reader.TryGet" + method + "(out var " + Local(variant) + ")) return " + create + "(" + Local(variant) + ");");
                    if (last) lines.Add("        break;");
                }
                else if (last)
                {
                    lines.Add("        return " + create + "(" + Read(variant) + ");");
                }
                else
                {
                    // Several variants share this token: try each on a copy of the reader, keep the first that reads.
                    lines.Add("        if (" + Union + "TryRead<" + CSharp.RuntimeType(variant.Type, null) + ">(ref reader, options, out var " + Local(variant) + ")) return " + create + "(" + Local(variant) + ");");
                }
            }
        }
        lines.Add("}");
        return lines.ToArray();
    }

    // Through the options' metadata, not reflection: the generated resolver supplies it (trim and AOT safe).
    private static string Read(UnionVariant variant) =>
        Union + "Read<" + CSharp.RuntimeType(variant.Type, null) + ">(ref reader, options)";

    // Integers before numbers; specific strings (formats) before a plain string, which takes every string;
    // a plain string before open enums, which would also take every string.
    private static int Rank(UnionVariant variant) => variant switch
    {
        { Token: JsonToken.Integer } => 0,
        { Type: { Kind: TypeKind.Primitive, Name: "string" } } => 2,
        { Type.Kind: TypeKind.Primitive } => 1,
        _ => 3,
    };

    private static string Local(UnionVariant variant) => "as" + variant.Name;

    private static IEnumerable<string> Labels(JsonToken token) => token switch
    {
        JsonToken.String => new[] { "String" },
        JsonToken.Number or JsonToken.Integer => new[] { "Number" },
        JsonToken.Boolean => new[] { "True", "False" },
        JsonToken.Array => new[] { "StartArray" },
        _ => new[] { "StartObject" },
    };
}
