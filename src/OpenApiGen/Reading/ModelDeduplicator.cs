using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>
/// One type per distinct shape, named by the shortest name among its copies (ties: ordinal order), each other copy
/// reported with OAG009 (Info) where its schema is:
/// <list type="bullet">
/// <item>enums with the same wire type and set of values, wherever they are declared (real specs repeat them by the
/// hundred, e.g. Stripe's one-value <c>enum: [""]</c>);</item>
/// <item>inline objects with the same members (JSON name, type, required) and inline unions with the same variants.
/// Component schemas are names the spec chose and stay apart. Merging is repeated until nothing changes, as two
/// objects become equal once the copies they hold are one type.</item>
/// </list>
/// </summary>
public static class ModelDeduplicator
{
    private const int MaxRounds = 16;

    public static (IReadOnlyList<ModelDef> Models, IReadOnlyList<OperationGroup> Groups) Apply(
        IReadOnlyList<ModelDef> models, IReadOnlyList<OperationGroup> groups, IReadOnlyDictionary<string, string> pointers,
        IReadOnlyCollection<string> inline, ReadContext context)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            var what = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var copies in models.Select(m => (Model: m, Key: KeyOf(m, inline))).Where(x => x.Key is not null).GroupBy(x => x.Key!, StringComparer.Ordinal))
            {
                var ordered = copies.Select(c => c.Model.Name).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
                foreach (var copy in ordered.Skip(1))
                {
                    renames[copy] = ordered[0];
                    what[copy] = copies.First().Model.Kind == ModelKind.Enum ? "values" : "members";
                }
            }
            KeepUnionVariantsApart(models, renames);
            if (renames.Count == 0) break;
            foreach (var rename in renames.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (pointers.TryGetValue(rename.Key, out var pointer))
                {
                    context.Report(DiagnosticDescriptors.Renamed.Id, pointer, rename.Key, rename.Value, "it has the same " + what[rename.Key] + " as that type");
                }
            }
            (models, groups) = Rename(models, groups, renames);
        }
        return (models, groups);
    }

    // Two variants of one union must stay two types (a union of X or X has no way to tell them apart): a merge that
    // would make them one is not made. Reports for it were already written, so the check runs before reporting.
    private static void KeepUnionVariantsApart(IReadOnlyList<ModelDef> models, Dictionary<string, string> renames)
    {
        foreach (var union in models.Where(m => m.Kind == ModelKind.Union))
        {
            string Merged(TypeRef type) => type.Kind switch
            {
                TypeKind.Named => renames.TryGetValue(type.Name, out var to) ? to : type.Name,
                TypeKind.Array or TypeKind.Map => type.Kind + "<" + Merged(type.Item!) + ">",
                _ => Text(type),
            };
            string? Innermost(TypeRef type) => type.Kind == TypeKind.Named ? type.Name : type.Item is { } item ? Innermost(item) : null;
            foreach (var clash in union.Variants.GroupBy(v => Merged(v.Type), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (var variant in clash)
                {
                    if (Innermost(variant.Type) is { } name) renames.Remove(name);
                }
            }
        }
    }

    // What makes two models the same type, or null for one that is never merged.
    private static string? KeyOf(ModelDef model, IReadOnlyCollection<string> inline)
    {
        switch (model.Kind)
        {
            case ModelKind.Enum when model.EnumMembers.Count > 0:
                return "enum\n" + model.Deprecated + "\n" + model.EnumBase + "\n" + string.Join("\n", model.EnumMembers.Select(e => e.Value).OrderBy(v => v, StringComparer.Ordinal));
            case ModelKind.Object when inline.Contains(model.Name) && model.BaseName is null && model.DerivedNames.Count == 0 && model.Discriminator is null && model.Inherited.Count == 0:
                return "object\n" + model.Deprecated + "\n" + string.Join("\n", model.Properties.Select(p => p.JsonName + "\t" + Text(p.Type) + "\t" + p.Required + "\t" + p.Deprecated));
            case ModelKind.Union when inline.Contains(model.Name) && model.DerivedNames.Count == 0:
                return "union\n" + model.Deprecated + "\n" + model.Discriminator + "\n" + string.Join("\n", model.Variants.Select(v => v.Name + "\t" + Text(v.Type) + "\t" + v.Token + "\t" + string.Join(",", v.Tags)))
                    + "\n" + string.Join("\n", model.DiscriminatorCases.Select(v => v.Name + "\t" + Text(v.Type) + "\t" + string.Join(",", v.Tags)));
            default:
                return null;
        }
    }

    // A constant is part of the type: records that differ only in a tag's value are different records. Length-prefixed,
    // as the value may hold the key's separators.
    private static string Text(TypeRef type) =>
        type.Kind + ":" + type.Name + (type.Nullable ? "?" : "") + (type.Constant is { } constant ? "=" + constant.Length + ":" + constant : "")
        + (type.Item is null ? "" : "<" + Text(type.Item) + ">");

    private static (IReadOnlyList<ModelDef>, IReadOnlyList<OperationGroup>) Rename(
        IReadOnlyList<ModelDef> models, IReadOnlyList<OperationGroup> groups, Dictionary<string, string> renames)
    {
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
                Stream = op.Stream is null ? null : op.Stream with { ItemType = Map(op.Stream.ItemType) },
            }).ToEquatableArray(),
        }).ToList();
        return (keptModels, keptGroups);
    }

    // An empty array stays as it was (default or not), so untouched records stay equal for incremental caching.
    private static EquatableArray<T> Remap<T>(EquatableArray<T> items, Func<T, T> map) where T : IEquatable<T> =>
        items.Count == 0 ? items : items.Select(map).ToEquatableArray();
}
