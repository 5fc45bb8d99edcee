using System.Collections.Generic;
using System.Linq;
using OpenApiGen.Model;

namespace OpenApiGen.Emit;

/// <summary>
/// Which generated files use a member the spec deprecates outside an [Obsolete] context of their own, and so silence
/// CS0612/CS0618 (users with TreatWarningsAsErrors build clean). Only those files carry the pragma: GitHub's spec
/// deprecates a few types, and a line in each of its 1,500 files would cost every build.
/// </summary>
public static class ObsoleteUse
{
    public static bool InModel(ModelDef model, ISet<string> deprecated) =>
        !model.Deprecated && // inside an [Obsolete] type, uses of obsolete members do not warn
        (model.Properties.Concat(model.Inherited).Any(p => p.Deprecated || Uses(p.Type, deprecated))
         || model.Variants.Concat(model.DiscriminatorCases).Any(v => Uses(v.Type, deprecated))
         || (model.BaseName is { } b && deprecated.Contains(b))
         || model.DerivedNames.Any(deprecated.Contains));

    /// <summary>Client methods of deprecated operations are [Obsolete] themselves; server methods never are.</summary>
    public static bool InGroup(OperationGroup group, ISet<string> deprecated, bool client) =>
        group.Operations.Any(op => !(client && op.Deprecated) && Types(op).Any(t => Uses(t, deprecated)));

    private static IEnumerable<TypeRef?> Types(OperationDef op) =>
        op.Parameters.Select(p => p.Type)
            .Concat(op.Body is null ? Enumerable.Empty<TypeRef?>() : new[] { op.Body.Type }.Concat(op.Body.Fields.Select(f => f.Type)))
            .Concat(op.Responses.Select(r => r.Type));

    private static bool Uses(TypeRef? type, ISet<string> deprecated)
    {
        for (var t = type; t is not null; t = t.Item)
        {
            if (t.Kind == TypeKind.Named && deprecated.Contains(t.Name)) return true;
        }
        return false;
    }
}
