using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// The constraint checks of one controller base: each distinct rule becomes one static field (children first, so
/// shared schemas are built once), and each operation a list of check statements.
/// </summary>
public sealed class InputRuleCode
{
    // By reference: the reader shares one rule per $ref, and hashing a record walks its whole (expanded) tree.
    private readonly Dictionary<InputRule, string> _names = new(SameRule.Instance);
    private readonly string _ruleType;

    public InputRuleCode(SpecContext context) => _ruleType = "global::" + context.Namespace + "." + context.ClientName + "InputRule";

    /// <summary>Fields in declaration order: name and initializer.</summary>
    public List<RuleField> Fields { get; } = new();

    /// <summary>The statements that check an operation's input; empty when its spec constrains nothing.</summary>
    public List<string> Checks(OperationDef op)
    {
        var checks = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.Rule is not null))
        {
            checks.Add(Argument(p.Name, p.Rule!, p.In.ToString().ToLowerInvariant(), p.WireName));
        }
        foreach (var f in op.Body?.Fields.Where(f => f.Rule is not null) ?? Enumerable.Empty<FormFieldDef>())
        {
            checks.Add(Argument(f.Name, f.Rule!, "body", f.WireName));
        }
        if (op.Body is { Kind: BodyKind.Json, Rule: { } body }) checks.Add("await " + _ruleType + ".CheckBodyAsync(context, InputRules." + Field(body) + ", errors).ConfigureAwait(false);");
        return checks;
    }

    /// <summary>The static field that holds <paramref name="rule"/>, declared on first use.</summary>
    public string Reference(InputRule rule) => "InputRules." + Field(rule);

    // MVC keys action arguments by the parameter's name without a verbatim '@'.
    private string Argument(string name, InputRule rule, string location, string wireName) =>
        _ruleType + ".CheckArgument(context, " + CSharp.Literal(name.TrimStart('@')) + ", InputRules." + Field(rule) + ", " + CSharp.Literal(location) + ", " + CSharp.Literal(wireName) + ", errors);";

    private string Field(InputRule rule)
    {
        if (_names.TryGetValue(rule, out var known)) return known;
        var expression = Expression(rule);
        var name = "Rule" + Fields.Count;
        Fields.Add(new RuleField(name, expression));
        _names[rule] = name;
        return name;
    }

    private string Expression(InputRule rule)
    {
        var parts = new List<string>();
        if (rule.Properties.Count > 0)
        {
            var members = rule.Properties.Select(p => "new(" + CSharp.Literal(p.Name) + ", " + Field(p.Rule) + ")");
            parts.Add("Properties = new global::System.Collections.Generic.KeyValuePair<string, " + _ruleType + ">[] { " + string.Join(", ", members) + " }");
        }
        if (rule.Required.Count > 0) parts.Add("Required = new[] { " + string.Join(", ", rule.Required.Select(CSharp.Literal)) + " }");
        if (rule.Closed) parts.Add("Closed = true");
        if (rule.Items is { } items) parts.Add("Items = " + Field(items));
        if (rule.Values is { } values) parts.Add("Values = " + Field(values));
        if (rule.MinItems is { } minItems) parts.Add("MinItems = " + CSharp.Int(minItems));
        if (rule.MaxItems is { } maxItems) parts.Add("MaxItems = " + CSharp.Int(maxItems));
        if (rule.UniqueItems) parts.Add("UniqueItems = true");
        if (rule.MinLength is { } minLength) parts.Add("MinLength = " + CSharp.Int(minLength));
        if (rule.MaxLength is { } maxLength) parts.Add("MaxLength = " + CSharp.Int(maxLength));
        if (rule.Pattern is { } pattern) parts.Add("Pattern = " + CSharp.Literal(pattern));
        if (rule.Format is { } format) parts.Add("Format = " + CSharp.Literal(format));
        if (rule.Minimum is { } minimum) parts.Add("Minimum = " + minimum + "m");
        if (rule.Maximum is { } maximum) parts.Add("Maximum = " + maximum + "m");
        if (rule.ExclusiveMinimum) parts.Add("ExclusiveMinimum = true");
        if (rule.ExclusiveMaximum) parts.Add("ExclusiveMaximum = true");
        if (rule.MultipleOf is { } step) parts.Add("MultipleOf = " + step + "m");
        if (rule.Enum.Count > 0) parts.Add("Enum = new[] { " + string.Join(", ", rule.Enum.Select(CSharp.Literal)) + " }");
        return parts.Count == 0 ? "new " + _ruleType + "()" : "new " + _ruleType + " { " + string.Join(", ", parts) + " }";
    }
}

internal sealed class SameRule : IEqualityComparer<InputRule>
{
    public static readonly SameRule Instance = new();

    public bool Equals(InputRule? x, InputRule? y) => ReferenceEquals(x, y);

    public int GetHashCode(InputRule obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}

/// <summary>One static rule field of a controller base.</summary>
public sealed record RuleField(string Name, string Expression);
