using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiGen.Tests.NegativeInputs;

/// <summary>
/// A short text matching a spec's pattern, for the common forms (literals, classes, \d \w, groups with alternatives,
/// quantifiers): each quantifier at its minimum (at least one for +), a class's first member, a group's first
/// alternative. Null when the result does not match (the caller falls back to plain text).
/// </summary>
public static class RegexSample
{
    public static string? Of(string pattern)
    {
        try
        {
            var position = 0;
            var text = Sequence(pattern, ref position);
            return Regex.IsMatch(text, pattern) ? text : null;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    // Atoms up to the end, a ')' or a '|'; the other alternatives of a '|' are skipped.
    private static string Sequence(string p, ref int i)
    {
        var text = new StringBuilder();
        while (i < p.Length && p[i] != ')')
        {
            if (p[i] == '|')
            {
                SkipAlternatives(p, ref i);
                break;
            }
            var atom = Atom(p, ref i);
            var (min, _) = Quantifier(p, ref i);
            for (var n = 0; n < min; n++) text.Append(atom);
        }
        return text.ToString();
    }

    private static void SkipAlternatives(string p, ref int i)
    {
        var depth = 0;
        for (; i < p.Length; i++)
        {
            if (p[i] == '\\') { i++; continue; }
            if (p[i] == '(') depth++;
            else if (p[i] == ')' && depth-- == 0) return;
        }
    }

    private static string Atom(string p, ref int i)
    {
        var c = p[i++];
        switch (c)
        {
            case '^' or '$':
                return "";
            case '.':
                return "a";
            case '\\':
                return Escape(p[i++]);
            case '[':
                var negated = p[i] == '^';
                if (negated) i++;
                var first = p[i] == '\\' ? Escape(p[++i]) : p[i].ToString();
                while (p[i] != ']' || p[i - 1] == '\\') i++;
                i++;
                return negated ? "a" : first;
            case '(':
                if (p[i] == '?') i += 2; // (?: … )
                var inner = Sequence(p, ref i);
                i++; // ')'
                return inner;
            default:
                return c.ToString();
        }
    }

    private static string Escape(char c) => c switch
    {
        'd' => "0",
        'w' => "a",
        's' => " ",
        _ => c.ToString(),
    };

    private static (int Min, int? Max) Quantifier(string p, ref int i)
    {
        if (i >= p.Length) return (1, 1);
        (int, int?) result;
        switch (p[i])
        {
            case '*': i++; result = (0, null); break;
            case '+': i++; result = (1, null); break;
            case '?': i++; result = (0, 1); break;
            case '{':
                var end = p.IndexOf('}', i);
                var bounds = p[(i + 1)..end].Split(',');
                i = end + 1;
                result = (int.Parse(bounds[0]), bounds.Length == 1 ? int.Parse(bounds[0]) : bounds[1].Length == 0 ? null : int.Parse(bounds[1]));
                break;
            default:
                return (1, 1);
        }
        if (i < p.Length && p[i] == '?') i++; // lazy
        return result;
    }
}
