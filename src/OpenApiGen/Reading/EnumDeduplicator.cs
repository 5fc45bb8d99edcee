using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>
/// One type per distinct enum: enums with the same wire type and the same set of values (real specs repeat them by
/// the hundred, e.g. Stripe's one-value <c>enum: [""]</c>) become the type with the shortest name among them (ties:
/// ordinal order). Every other position that had its own copy is told so with OAG009 (Info).
/// </summary>
public static class EnumDeduplicator
{
    public static (IReadOnlyList<ModelDef> Models, IReadOnlyList<OperationGroup> Groups) Apply(
        IReadOnlyList<ModelDef> models, IReadOnlyList<OperationGroup> groups, IReadOnlyDictionary<string, string> pointers, ReadContext context)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var sets = models.Where(m => m.Kind == ModelKind.Enum && m.EnumMembers.Count > 0)
            .GroupBy(m => m.EnumBase + "\n" + string.Join("\n", m.EnumMembers.Select(e => e.Value).OrderBy(v => v, StringComparer.Ordinal)), StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var ordered = set.OrderBy(m => m.Name.Length).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
            foreach (var copy in ordered.Skip(1))
            {
                renames[copy.Name] = ordered[0].Name;
                if (pointers.TryGetValue(copy.Name, out var pointer))
                {
                    context.Report(DiagnosticDescriptors.Renamed.Id, pointer, copy.Name, ordered[0].Name, "it has the same values as that enum");
                }
            }
        }
        if (renames.Count == 0) return (models, groups);

        TypeRef Map(TypeRef type) => type.Kind switch
        {
            TypeKind.Named when renames.TryGetValue(type.Name, out var to) => type with { Name = to },
            TypeKind.Array or TypeKind.Map => type with { Item = Map(type.Item!) },
            _ => type,
        };
        PropertyDef Property(PropertyDef p) => p with { Type = Map(p.Type) };
        UnionVariant Variant(UnionVariant v) => v with { Type = Map(v.Type) };

        var keptModels = models.Where(m => !renames.ContainsKey(m.Name)).Select(m => m with
        {
            Properties = Remap(m.Properties, Property),
            Inherited = Remap(m.Inherited, Property),
            Variants = Remap(m.Variants, Variant),
            DiscriminatorCases = Remap(m.DiscriminatorCases, Variant),
        }).ToList();
        var keptGroups = groups.Select(g => g with
        {
            Operations = g.Operations.Select(op => op with
            {
                Parameters = Remap(op.Parameters, p => p with { Type = Map(p.Type) }),
                Body = op.Body is null ? null : op.Body with
                {
                    Type = op.Body.Type is null ? null : Map(op.Body.Type),
                    Fields = Remap(op.Body.Fields, f => f with { Type = Map(f.Type) }),
                },
                Responses = Remap(op.Responses, r => r with { Type = r.Type is null ? null : Map(r.Type) }),
            }).ToEquatableArray(),
        }).ToList();
        return (keptModels, keptGroups);
    }

    // An empty array stays as it was (default or not), so untouched records stay equal for incremental caching.
    private static EquatableArray<T> Remap<T>(EquatableArray<T> items, Func<T, T> map) where T : IEquatable<T> =>
        items.Count == 0 ? items : items.Select(map).ToEquatableArray();
}
