using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiGen.Naming;

/// <summary>Turns any spec string into a valid, idiomatic C# identifier. Pure functions: same input, same name.</summary>
public static class Identifier
{
    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Words of a name: split on anything that is not a letter or digit.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>PascalCase keeping inner capitals (HTTPValidationError stays as is, conversation_id becomes ConversationId).</summary>
    public static string Pascal(string text, string fallback = "Item")
    {
        var sb = new StringBuilder();
        var words = Words(text);
        var allShouting = words.TrueForAll(w => IsAllUpper(w) || !HasLetter(w));
        foreach (var word in words)
        {
            // SHOUTING_CASE words (FAILING_CHECKS, GET_USER_BY_ID) read as FailingChecks; mixed-case words keep their capitals (HTTPValidationError).
            var shouting = (word.Length > 2 || allShouting) && IsAllUpper(word);
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(shouting ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }
        return MakeValid(sb.ToString(), fallback);
    }

    private static bool HasLetter(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }

    private static bool IsAllUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters > 1;
    }

    /// <summary>camelCase for parameters and locals; keywords get an @ prefix.</summary>
    public static string Camel(string text, string fallback = "value")
    {
        var pascal = Pascal(text, char.ToUpperInvariant(fallback[0]) + fallback.Substring(1));
        var chars = pascal.ToCharArray();
        // Lower the leading capital run, keeping the last capital when it starts the next word (HTTPError -> httpError).
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1])) break;
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return EscapeKeyword(new string(chars));
    }

    public static string EscapeKeyword(string name) => Keywords.Contains(name) ? "@" + name : name;

    private static string MakeValid(string name, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (IsIdentifierPart(c)) sb.Append(c);
        }
        if (sb.Length == 0) return fallback;
        if (!IsIdentifierStart(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }
}
