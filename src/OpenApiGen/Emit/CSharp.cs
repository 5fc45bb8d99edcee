using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// The only ways spec text reaches generated C#: as an escaped string literal or as XML doc text.
/// Both escape every character that could end the literal/comment or start a new line.
/// </summary>
public static class CSharp
{
    /// <summary>A quoted C# string literal; everything outside printable ASCII becomes a \u escape.</summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>XML doc comment lines (each starting with the indent and "/// ") for a summary, or "" when there is none.</summary>
    /// <summary>
    /// <c>[Obsolete("…")]</c> on its own line for a member the spec marks <c>deprecated: true</c>, else nothing. The
    /// message is the description's first line (or a plain note), so callers learn why at the call site.
    /// </summary>
    public static string Obsolete(bool deprecated, string? description, string indent)
    {
        if (!deprecated) return "";
        var line = (description ?? "").Trim().Split('\n')[0].Trim();
        if (line.Length > 200) line = line.Substring(0, 200) + "…";
        var message = line.Length == 0 ? "Deprecated by the API description." : "Deprecated by the API description: " + line;
        return indent + "[global::System.Obsolete(" + Literal(message) + ")]\n";
    }

    public static string DocComment(string? summary, string indent, string? remarks = null)
    {
        if (string.IsNullOrWhiteSpace(summary) && string.IsNullOrWhiteSpace(remarks)) return "";
        var sb = new StringBuilder();
        AppendElement(sb, "summary", string.IsNullOrWhiteSpace(summary) ? remarks : summary, indent);
        if (!string.IsNullOrWhiteSpace(summary) && !string.IsNullOrWhiteSpace(remarks) && remarks != summary)
        {
            AppendElement(sb, "remarks", remarks, indent);
        }
        return sb.ToString();
    }

    private static void AppendElement(StringBuilder sb, string element, string? text, string indent)
    {
        var lines = XmlLines(text ?? "").ToList();
        if (lines.Count == 1)
        {
            // One-line text, one-line element.
            sb.Append(indent).Append("/// <").Append(element).Append('>').Append(lines[0]).Append("</").Append(element).Append(">\n");
            return;
        }
        sb.Append(indent).Append("/// <").Append(element).Append(">\n");
        foreach (var line in lines)
        {
            sb.Append(indent).Append("/// ").Append(line).Append('\n');
        }
        sb.Append(indent).Append("/// </").Append(element).Append(">\n");
    }

    /// <summary>Text split on every character C# treats as a line break, XML-escaped, control characters dropped.</summary>
    public static IEnumerable<string> XmlLines(string text)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                lines.Add(sb.ToString().TrimEnd());
                sb.Clear();
                continue;
            }
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }
                continue; // a lone surrogate is not valid text
            }
            if (char.IsControl(c)) continue;
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        lines.Add(sb.ToString().TrimEnd());
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return lines;
    }

    /// <summary>
    /// The C# type for a model type reference: the spec's own types qualified with <paramref name="ns"/>, or by their simple
    /// name when <paramref name="ns"/> is null — in model files, which declare no nested types, the spec's namespace is the
    /// innermost scope, so a simple name always binds to the spec's type.
    /// </summary>
    public static string Type(TypeRef type, string? ns) => Spell(type, ns, referenceNullability: true);

    /// <summary>The type as the runtime sees it: value-type nullability kept, reference nullability dropped (typeof rejects it).</summary>
    public static string RuntimeType(TypeRef type, string? ns) => Spell(type, ns, referenceNullability: false);

    private static string Spell(TypeRef type, string? ns, bool referenceNullability)
    {
        var name = type.Kind switch
        {
            TypeKind.Named => ns is null ? type.Name : "global::" + ns + "." + type.Name,
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Spell(type.Item!, ns, referenceNullability) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Spell(type.Item!, ns, referenceNullability) + ">",
            _ => type.Name,
        };
        return type.Nullable && (referenceNullability || type.IsValueType) ? name + "?" : name;
    }

    /// <summary>The type without its nullable marker.</summary>
    public static string NonNullType(TypeRef type, string? ns) => Type(type with { Nullable = false }, ns);

    /// <summary>The type with no nullable annotation at any depth: attribute type arguments cannot carry them.</summary>
    public static string AttributeType(TypeRef type, string? ns) => Type(StripNullable(type), ns);

    private static TypeRef StripNullable(TypeRef type) =>
        type with { Nullable = false, Item = type.Item is null ? null : StripNullable(type.Item) };

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
