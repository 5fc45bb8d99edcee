using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Reading;

/// <summary>
/// Keeps the models the generated operations use: every type a parameter, body, form field or response names,
/// and everything those types reach through members, union variants, bases and derived types (a discriminated base
/// reads its derived types). Big specs carry many schemas no operation uses (github-api.json: 790 webhook payload
/// types, half of all members); compiling them is a cost every build pays. <c>OpenApiGenerate="…;AllModels"</c>,
/// or generating Models alone, keeps every schema.
/// </summary>
public static class ModelPruner
{
    public static IReadOnlyList<ModelDef> KeepUsed(IReadOnlyList<ModelDef> models, IReadOnlyList<OperationGroup> groups)
    {
        var byName = new Dictionary<string, ModelDef>(StringComparer.Ordinal);
        foreach (var model in models) byName[model.Name] = model;

        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Visit(TypeRef? type)
        {
            for (var t = type; t is not null; t = t.Item)
            {
                if (t.Kind == TypeKind.Named && byName.ContainsKey(t.Name) && used.Add(t.Name)) pending.Push(t.Name);
            }
        }
        void VisitName(string? name)
        {
            if (name is not null && byName.ContainsKey(name) && used.Add(name)) pending.Push(name);
        }

        foreach (var operation in groups.SelectMany(g => g.Operations))
        {
            foreach (var parameter in operation.Parameters) Visit(parameter.Type);
            if (operation.Body is { } body)
            {
                Visit(body.Type);
                foreach (var field in body.Fields) Visit(field.Type);
            }
            foreach (var response in operation.Responses) Visit(response.Type);
            if (operation.Stream is { } stream) Visit(stream.ItemType);
        }

        while (pending.Count > 0)
        {
            var model = byName[pending.Pop()];
            foreach (var property in model.Properties) Visit(property.Type);
            foreach (var property in model.Inherited) Visit(property.Type);
            foreach (var variant in model.Variants) Visit(variant.Type);
            foreach (var variant in model.DiscriminatorCases) Visit(variant.Type);
            VisitName(model.BaseName);
            foreach (var derived in model.DerivedNames) VisitName(derived);
        }
        return models.Where(m => used.Contains(m.Name)).ToList();
    }
}
