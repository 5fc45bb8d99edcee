using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiGen.Reading.Overlays;

/// <summary>
/// The part of JSONPath (RFC 9535) that overlays use: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[0]</c>, <c>*</c>,
/// <c>..name</c> / <c>..*</c>, and filters <c>[?@.key]</c>, <c>[?@.key == 'value']</c> / <c>!=</c> (parentheses
/// allowed, values as JSON literals or quoted strings). Anything else is a <see cref="FormatException"/> naming where.
/// Selected nodes come with their parent and key, so an action can remove them.
/// </summary>
public sealed class JsonPath
{
    private readonly List<Step> _steps;

    private JsonPath(List<Step> steps) => _steps = steps;

    public static JsonPath Parse(string text)
    {
        var parser = new Parser(text);
        return new JsonPath(parser.Steps());
    }

    /// <summary>Every node the path selects, in document order, each once.</summary>
    public List<Selection> Select(JsonNode root)
    {
        var current = new List<Selection> { new(root, null, null) };
        foreach (var step in _steps)
        {
            var next = new List<Selection>();
            foreach (var selection in current) step.Apply(selection, next);
            // A location is its parent and key (a JSON null has no node of its own to compare).
            var seen = new HashSet<(object? Parent, object? Key)>(new LocationComparer());
            current = next.Where(s => seen.Add((s.Parent, s.Key))).ToList();
        }
        return current;
    }

    private sealed class LocationComparer : IEqualityComparer<(object? Parent, object? Key)>
    {
        public bool Equals((object? Parent, object? Key) x, (object? Parent, object? Key) y) => ReferenceEquals(x.Parent, y.Parent) && Equals(x.Key, y.Key);

        public int GetHashCode((object? Parent, object? Key) obj) =>
            (obj.Parent is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Parent)) * 31 + (obj.Key?.GetHashCode() ?? 0);
    }

    /// <summary>A selected node; <see cref="Parent"/> is null for the root. <see cref="Key"/> is a property name or an array index.</summary>
    public sealed record Selection(JsonNode? Node, JsonNode? Parent, object? Key);

    private abstract class Step
    {
        public abstract void Apply(Selection from, List<Selection> into);

        protected static IEnumerable<Selection> Children(JsonNode? node) => node switch
        {
            JsonObject o => o.Select(p => new Selection(p.Value, o, p.Key)).ToList(),
            JsonArray a => a.Select((item, i) => new Selection(item, a, i)).ToList(),
            _ => Enumerable.Empty<Selection>(),
        };
    }

    private sealed class Name(string name) : Step
    {
        public override void Apply(Selection from, List<Selection> into)
        {
            if (from.Node is JsonObject o && o.TryGetPropertyValue(name, out var child)) into.Add(new Selection(child, o, name));
        }
    }

    private sealed class Index(int index) : Step
    {
        public override void Apply(Selection from, List<Selection> into)
        {
            if (from.Node is not JsonArray a) return;
            var i = index < 0 ? a.Count + index : index;
            if (i >= 0 && i < a.Count) into.Add(new Selection(a[i], a, i));
        }
    }

    private sealed class Wildcard : Step
    {
        public override void Apply(Selection from, List<Selection> into) => into.AddRange(Children(from.Node));
    }

    // "..x": x applied to the node and every descendant.
    private sealed class Descendants(Step inner) : Step
    {
        public override void Apply(Selection from, List<Selection> into)
        {
            var pending = new Stack<Selection>();
            pending.Push(from);
            var all = new List<Selection>();
            while (pending.Count > 0)
            {
                var selection = pending.Pop();
                all.Add(selection);
                foreach (var child in Children(selection.Node).Reverse()) pending.Push(child);
            }
            foreach (var selection in all) inner.Apply(selection, into);
        }
    }

    // "[?@.a.b == 'x']": children whose relative path exists (and equals the literal).
    private sealed class Filter(List<string> path, string? op, JsonNode? literal) : Step
    {
        public override void Apply(Selection from, List<Selection> into)
        {
            foreach (var child in Children(from.Node))
            {
                if (Matches(child.Node)) into.Add(child);
            }
        }

        private bool Matches(JsonNode? node)
        {
            var exists = true;
            foreach (var segment in path)
            {
                if (node is JsonObject o && o.TryGetPropertyValue(segment, out var next)) node = next;
                else { exists = false; break; }
            }
            if (op is null) return exists;
            var equal = exists && JsonNode.DeepEquals(node, literal);
            return op == "==" ? equal : !equal;
        }
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public List<Step> Steps()
        {
            Skip();
            if (!Eat('$')) throw Error("a path starts with '$'");
            var steps = new List<Step>();
            while (true)
            {
                Skip();
                if (_at >= text.Length) return steps;
                if (Eat('.'))
                {
                    if (Eat('.')) steps.Add(new Descendants(Peek('[') ? Bracket() : Member()));
                    else steps.Add(Member());
                }
                else if (Peek('[')) steps.Add(Bracket());
                else throw Error("expected '.', '..' or '['");
            }
        }

        private Step Member() => Eat('*') ? new Wildcard() : new Name(MemberName());

        private string MemberName()
        {
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_' || text[_at] == '-' || text[_at] == '$' || text[_at] > 127)) _at++;
            if (_at == start) throw Error("expected a member name");
            return text.Substring(start, _at - start);
        }

        private Step Bracket()
        {
            Expect('[');
            Skip();
            Step step;
            if (Eat('*')) step = new Wildcard();
            else if (Peek('\'') || Peek('"')) step = new Name(Quoted());
            else if (Eat('?')) step = FilterStep();
            else step = new Index(Integer());
            Skip();
            Expect(']');
            return step;
        }

        private Step FilterStep()
        {
            Skip();
            var parenthesized = Eat('(');
            Skip();
            Expect('@');
            var path = new List<string>();
            while (true)
            {
                if (Eat('.')) path.Add(MemberName());
                else if (Peek('[') && _at + 1 < text.Length && (text[_at + 1] == '\'' || text[_at + 1] == '"'))
                {
                    Expect('[');
                    path.Add(Quoted());
                    Expect(']');
                }
                else break;
            }
            Skip();
            string? op = null;
            JsonNode? literal = null;
            if (text.Substring(_at).StartsWith("==", StringComparison.Ordinal) || text.Substring(_at).StartsWith("!=", StringComparison.Ordinal))
            {
                op = text.Substring(_at, 2);
                _at += 2;
                Skip();
                literal = Literal();
            }
            Skip();
            if (parenthesized) Expect(')');
            return new Filter(path, op, literal);
        }

        private JsonNode? Literal()
        {
            if (Peek('\'') || Peek('"')) return JsonValue.Create(Quoted());
            var start = _at;
            while (_at < text.Length && text[_at] != ')' && text[_at] != ']' && !char.IsWhiteSpace(text[_at])) _at++;
            var raw = text.Substring(start, _at - start);
            try
            {
                return JsonNode.Parse(raw);
            }
            catch (JsonException)
            {
                throw Error("expected a string, number, true, false or null after the comparison");
            }
        }

        // RFC 9535 string literals: \b \f \n \r \t \/ \\ \' \" and \uXXXX (surrogate pairs as two escapes).
        private string Quoted()
        {
            var quote = text[_at++];
            var sb = new StringBuilder();
            while (_at < text.Length && text[_at] != quote)
            {
                if (text[_at] != '\\')
                {
                    sb.Append(text[_at++]);
                    continue;
                }
                if (++_at >= text.Length) break;
                var escaped = text[_at++];
                switch (escaped)
                {
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case '/' or '\\' or '\'' or '"': sb.Append(escaped); break;
                    case 'u' when _at + 4 <= text.Length && int.TryParse(text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        sb.Append((char)code);
                        _at += 4;
                        break;
                    default:
                        throw Error("unknown escape '\\" + escaped + "'");
                }
            }
            Expect(quote);
            return sb.ToString();
        }

        private int Integer()
        {
            var start = _at;
            if (Peek('-')) _at++;
            while (_at < text.Length && char.IsDigit(text[_at])) _at++;
            if (!int.TryParse(text.Substring(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) throw Error("expected '*', a quoted name, an index or a filter");
            return value;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private bool Peek(char c) => _at < text.Length && text[_at] == c;

        private bool Eat(char c)
        {
            if (!Peek(c)) return false;
            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!Eat(c)) throw Error("expected '" + c + "'");
        }

        private FormatException Error(string what) =>
            new("at character " + (_at + 1).ToString(CultureInfo.InvariantCulture) + ": " + what);
    }
}
