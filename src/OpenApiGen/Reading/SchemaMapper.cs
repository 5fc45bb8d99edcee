using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>
/// Maps OpenAPI schemas to <see cref="TypeRef"/>s, creating model definitions for component and inline object
/// and union schemas. Component names are claimed first, in ordinal order, so names never depend on use order.
/// </summary>
public sealed class SchemaMapper
{
    private readonly ReadContext _context;
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly List<ModelDef> _models = new();
    private readonly Dictionary<string, string> _pointers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inline = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _pointerTargets = new(StringComparer.Ordinal);
    private readonly OpenApiDocument _document;
    private readonly References _references;

    public SchemaMapper(ReadContext context, NameScope typeNames, OpenApiDocument document, References references)
    {
        _references = references;
        _context = context;
        _document = document;
        var components = document.Components?.Schemas;
        _typeNames = typeNames;
        foreach (var pair in (components ?? new Dictionary<string, IOpenApiSchema>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _components[pair.Key] = pair.Value;
            if (IsModelSchema(pair.Value))
            {
                var wanted = AutoRestNames.ClientName(pair.Value) ?? (IsEnum(pair.Value) ? AutoRestNames.EnumName(pair.Value) : null) ?? pair.Key;
                _componentNames[pair.Key] = ClaimTypeName(wanted, "#/components/schemas/" + JsonPositionMap.Escape(pair.Key));
            }
        }
    }

    public IReadOnlyList<ModelDef> Models => _models;

    /// <summary>Where in the spec each model's schema is, for diagnostics about the model as a whole.</summary>
    public IReadOnlyDictionary<string, string> ModelPointers => _pointers;

    /// <summary>Models of inline schemas, named by where they are rather than by the spec.</summary>
    public IReadOnlyCollection<string> InlineModels => _inline;

    /// <summary>
    /// Builds the models of the component schemas that need one: all of them, or (<paramref name="all"/> false) those the
    /// types mapped so far reach, with every component deriving from a reached one (a discriminated base reads its
    /// derived types). Unread schemas cost nothing: github-api.json has 790 no operation uses. Each round builds in
    /// ordinal order, so names never depend on use order within a round.
    /// </summary>
    public void MapComponents(bool all)
    {
        if (all)
        {
            foreach (var id in _componentNames.Keys.OrderBy(k => k, StringComparer.Ordinal)) BuildComponent(id);
            return;
        }
        var derivedOf = DerivedComponents();
        var built = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var id in _used.ToList())
            {
                if (derivedOf.TryGetValue(id, out var derived)) _used.UnionWith(derived);
            }
            var round = _used.Where(id => !built.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (round.Count == 0) return;
            foreach (var id in round)
            {
                built.Add(id);
                BuildComponent(id);
            }
        }
    }

    private void BuildComponent(string id)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        var name = _componentNames[id];
        var pointer = "#/components/schemas/" + JsonPositionMap.Escape(id);
        try
        {
            DocumentChecks.Discriminator(_components[id], pointer, _references, _context);
            BuildModel(name, _components[id], pointer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One broken schema must not take the others with it; uses of it still compile as the name is kept.
            _context.Report(DiagnosticDescriptors.UnexpectedException.Id, pointer, _context.Path, "reading schema '" + id + "'", ex.GetType().FullName ?? "Exception", ex.Message);
            _models.Add(new ModelDef(name, ModelKind.Object, null, EquatableArray<PropertyDef>.Empty, EquatableArray<UnionVariant>.Empty, EquatableArray<EnumMember>.Empty));
        }
    }

    // Base component → components whose allOf has a $ref to it: a superset of the derived records (pruning trims it).
    private Dictionary<string, List<string>> DerivedComponents()
    {
        var derivedOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in _componentNames.Keys)
        {
            foreach (var part in _components[id].AllOf ?? new List<IOpenApiSchema>())
            {
                if (part is not OpenApiSchemaReference { Reference.Id: { } baseId }) continue;
                if (!derivedOf.TryGetValue(baseId, out var list)) derivedOf[baseId] = list = new List<string>();
                list.Add(id);
            }
        }
        return derivedOf;
    }

    /// <summary>The C# type for a schema. <paramref name="nameHint"/> names inline models created on the way.</summary>
    public TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer)
    {
        if (schema is null) return TypeRef.JsonElement;
        // Deeply nested inline schemas would nest generic types past what the compiler handles well; no real API needs this.
        if (_depth >= MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.TypedAsJson.Id, pointer, "The schema", "it is nested more than " + MaxDepth + " levels deep");
            return TypeRef.JsonElement;
        }
        _depth++;
        try
        {
            return MapCore(schema, nameHint, pointer);
        }
        catch (InvalidOperationException ex)
        {
            // Microsoft.OpenApi throws while resolving a $ref that points at itself (A: {$ref: A}).
            _context.Report(DiagnosticDescriptors.TypedAsJson.Id, pointer, "The schema", "its $ref chain cannot be resolved: " + ex.Message);
            return TypeRef.JsonElement;
        }
        finally
        {
            _depth--;
        }
    }

    private const int MaxDepth = 48;
    private int _depth;

    private TypeRef MapCore(IOpenApiSchema schema, string nameHint, string pointer)
    {
        if (schema is OpenApiSchemaReference reference) return MapReference(reference, pointer);
        DocumentChecks.Discriminator(schema, pointer, _references, _context);

        var types = schema.Type ?? 0;
        // 3.0's nullable: true becomes a null type only beside a type; on a typeless oneOf/anyOf the reader drops it.
        var nullable = (types & JsonSchemaType.Null) != 0 || (schema.Type is null && _context.Raw.BoolAt(pointer + "/nullable") == true);
        var nonNull = types & ~JsonSchemaType.Null;

        var variants = NonNullVariants(schema.AnyOf).Concat(NonNullVariants(schema.OneOf)).ToList();
        var nullVariant = HasNullVariant(schema.AnyOf) || HasNullVariant(schema.OneOf);
        if (nonNull == 0 && (schema.Properties?.Count ?? 0) == 0 && (schema.AllOf?.Count ?? 0) == 0)
        {
            if (variants.Count == 1)
            {
                return WithNullable(Map(variants[0], nameHint, pointer + (schema.AnyOf?.Count > 0 ? "/anyOf/0" : "/oneOf/0")), nullable || nullVariant);
            }
            if (variants.Count > 1)
            {
                return WithNullable(InlineModel(schema, nameHint, pointer), nullable || nullVariant);
            }
        }

        if (EnumBuilder.ConstantOf(schema) is { } constant) return WithNullable(TypeRef.ConstantString(constant), nullable || nullVariant);

        if (IsModelSchema(schema)) return WithNullable(InlineModel(schema, nameHint, pointer), nullable || nullVariant);

        if ((schema.AllOf?.Count ?? 0) > 0) return MapValueAllOf(schema, nameHint, pointer);

        return WithNullable(MapSingleType(schema, nonNull, nameHint, pointer), nullable);
    }

    /// <summary>
    /// An allOf whose parts add no object members (a $ref to a string, enum, array or union plus annotations, or
    /// scalar parts with nullable overrides) is the one value type its parts agree on, never an empty record.
    /// A value satisfies every part, so any part that excludes null makes it non-null; an explicit nullable on
    /// the allOf itself keeps null readable (the common 3.0 idiom for a nullable $ref).
    /// </summary>
    private TypeRef MapValueAllOf(IOpenApiSchema schema, string nameHint, string pointer)
    {
        var parts = schema.AllOf!.Select((part, i) => (Schema: part, Pointer: pointer + "/allOf/" + i)).ToList();
        var constraining = parts.Where(p => !IsAnnotationOnly(p.Schema)).ToList();
        // The allOf's own keywords constrain the value too.
        var own = new OpenApiSchema { Type = schema.Type, Format = schema.Format, Enum = schema.Enum, Items = schema.Items, AdditionalProperties = schema.AdditionalProperties };
        if (!IsAnnotationOnly(own)) constraining.Insert(0, (own, pointer));
        // A named type wins (it keeps its enum or union); a single constraint is itself; several inline ones merge.
        var chosen = constraining.FirstOrDefault(p => p.Schema is OpenApiSchemaReference);
        if (chosen.Schema is null && constraining.Count == 1) chosen = constraining[0];
        var type = chosen.Schema is not null ? Map(chosen.Schema, nameHint, chosen.Pointer)
            : constraining.Count == 0 ? TypeRef.JsonElement
            : Map(MergeValueParts(constraining.Select(p => p.Schema)), nameHint, constraining[0].Pointer);
        var nullable = HasNullType(schema) || (parts.Any(p => HasNullType(p.Schema)) && parts.All(p => PartAllowsNull(p.Schema, p.Pointer)));
        return type with { Nullable = nullable };
    }

    private static bool HasNullType(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference
            ? reference.Target is { } target && ((target.Type ?? 0) & JsonSchemaType.Null) != 0
            : ((schema.Type ?? 0) & JsonSchemaType.Null) != 0;

    private bool PartAllowsNull(IOpenApiSchema part, string pointer)
    {
        if (part is OpenApiSchemaReference || (part.Type ?? 0) != 0) return HasNullType(part);
        // The reader drops 3.0's "nullable: false" on a part without a type; the raw document still has it.
        return _context.Raw.BoolAt(pointer + "/nullable") != false;
    }

    private static OpenApiSchema MergeValueParts(IEnumerable<IOpenApiSchema> parts)
    {
        var merged = new OpenApiSchema();
        foreach (var part in parts)
        {
            if (part.Type is { } type && type != 0) merged.Type = merged.Type is { } known ? known & type : type;
            merged.Format ??= part.Format;
            if ((merged.Enum?.Count ?? 0) == 0 && (part.Enum?.Count ?? 0) > 0) merged.Enum = part.Enum;
            merged.Items ??= part.Items;
            merged.AdditionalProperties ??= part.AdditionalProperties;
            if ((merged.AnyOf?.Count ?? 0) == 0 && (part.AnyOf?.Count ?? 0) > 0) merged.AnyOf = part.AnyOf;
            if ((merged.OneOf?.Count ?? 0) == 0 && (part.OneOf?.Count ?? 0) > 0) merged.OneOf = part.OneOf;
        }
        return merged;
    }

    // Descriptions, readOnly, nullable and the like: nothing a value's C# type depends on.
    private static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && ((schema.Type ?? 0) & ~JsonSchemaType.Null) == 0
        && string.IsNullOrEmpty(schema.Format)
        && (schema.Enum?.Count ?? 0) == 0
        && schema.Items is null
        && schema.AdditionalProperties is null
        && (schema.AllOf?.Count ?? 0) == 0
        && (schema.AnyOf?.Count ?? 0) == 0
        && (schema.OneOf?.Count ?? 0) == 0
        && (schema.Properties?.Count ?? 0) == 0;

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        if (reference.Reference is { IsExternal: true } external)
        {
            // A generator may read only the files the compiler hands it: other documents are never fetched.
            _context.Report(DiagnosticDescriptors.UnresolvedReference.Id, pointer + "/$ref", (external.ExternalResource ?? "") + "#" + (id ?? "") + " (external references are not loaded)");
            return TypeRef.JsonElement;
        }
        // A $ref to a component is that component: asking the reference to resolve itself costs a URI parse per read.
        if (id is not null && _components.ContainsKey(id)) return MapComponentReference(id, pointer);
        // Not a plain component: read the $ref as written, since the reader may have renamed or dropped it.
        var written = _context.Raw.RefAt(pointer);
        if (written is not null && written.StartsWith("#/", StringComparison.Ordinal) && !IsComponentRef(written))
        {
            return MapPointerReference(written, pointer, reference.UnresolvedReference ? null : reference.Target);
        }
        _context.Report(DiagnosticDescriptors.UnresolvedReference.Id, pointer + "/$ref", reference.Reference?.ReferenceV3 ?? id ?? "?");
        return TypeRef.JsonElement;
    }

    private TypeRef MapComponentReference(string id, string pointer)
    {
        if (_componentNames.TryGetValue(id, out var name))
        {
            _used.Add(id);
            var target = _components[id];
            return TypeRef.Named(name, IsUnion(target) || IsEnum(target)) with { Nullable = ((target.Type ?? 0) & JsonSchemaType.Null) != 0 };
        }
        if (_aliases.TryGetValue(id, out var alias)) return alias;
        if (!_resolvingAliases.Add(id))
        {
            _context.Report(DiagnosticDescriptors.TypedAsJson.Id, pointer, "'" + id + "'", "it is an alias that refers to itself");
            return TypeRef.JsonElement;
        }
        var mapped = Map(_components[id], Identifier.Pascal(id, "Model"), "#/components/schemas/" + JsonPositionMap.Escape(id));
        _resolvingAliases.Remove(id);
        _aliases[id] = mapped;
        return mapped;
    }

    // "#/components/schemas/Name" exactly; deeper pointers ("…/Name/properties/x") need the pointer resolver.
    private static bool IsComponentRef(string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal) && reference.IndexOf('/', "#/components/schemas/".Length) < 0;

    // A $ref to a schema somewhere else in the document: mapped once, named from its path, shared by every use.
    private TypeRef MapPointerReference(string reference, string pointer, IOpenApiSchema? resolvedByReader)
    {
        if (_pointerTargets.TryGetValue(reference, out var known)) return known;
        var target = PointerResolver.ResolveSchema(_document, reference) ?? resolvedByReader;
        if (target is null)
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference.Id, pointer + "/$ref", reference);
            return TypeRef.JsonElement;
        }
        _pointerTargets[reference] = TypeRef.JsonElement; // a cycle through pointers ends as JsonElement
        var words = reference.Substring(2).Split('/')
            .Select(s => s.Replace("~1", "/").Replace("~0", "~"))
            .Where(s => !StructuralSegments.Contains(s) && s.IndexOf('/') < 0);
        var mapped = Map(target, Identifier.Pascal(string.Join(" ", words), "Shared"), reference);
        _pointerTargets[reference] = mapped;
        return mapped;
    }

    private static readonly HashSet<string> StructuralSegments = new(StringComparer.Ordinal)
    {
        "components", "schemas", "responses", "requestBodies", "parameters", "content", "schema", "properties", "items", "paths",
        "additionalProperties", "allOf", "anyOf", "oneOf",
    };

    // Formats that are documented JSON Schema / OpenAPI formats and intentionally stay their base type.
    private static readonly HashSet<string> PlainStringFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "time", "uri-reference", "iri", "iri-reference", "uri-template",
        "json-pointer", "relative-json-pointer", "regex", "password", "duration", "string", "text", "html", "markdown", "phone",
        "unix-time", "int64", "int32", "decimal", "url", "uuid4", "date-time-rfc1123",
    };

    private static readonly HashSet<string> NumberFormats = new(StringComparer.OrdinalIgnoreCase) { "", "int32", "int64", "float", "double", "decimal", "int8", "int16", "uint8", "uint16", "uint32", "uint64", "number", "integer", "unix-time" };

    private readonly HashSet<string> _reportedFormats = new(StringComparer.Ordinal);

    // One warning per unknown format and type in a spec, at its first use: enough to act on, not a flood.
    private void CheckFormat(string format, JsonSchemaType type, string typedAs, string pointer)
    {
        var known = type == JsonSchemaType.String ? PlainStringFormats.Contains(format) : NumberFormats.Contains(format);
        if (known || !_reportedFormats.Add(type + ":" + format)) return;
        _context.Report(DiagnosticDescriptors.UnknownFormat.Id, pointer + "/format", format, type.ToString().ToLowerInvariant(), typedAs);
    }

    private TypeRef MapSingleType(IOpenApiSchema schema, JsonSchemaType type, string nameHint, string pointer)
    {
        var format = schema.Format ?? "";
        switch (type)
        {
            case JsonSchemaType.String:
                return format switch
                {
                    "date-time" => TypeRef.Primitive("global::System.DateTimeOffset", true),
                    "date" => TypeRef.Primitive("global::System.DateOnly", true),
                    "uuid" => TypeRef.Primitive("global::System.Guid", true),
                    // uri and time stay text: System.Uri rejects valid RFC 3986 values, TimeOnly rejects RFC 3339 offsets.
                    "byte" => TypeRef.Primitive("byte[]", false),
                    "binary" => TypeRef.Primitive("byte[]", false),
                    _ => StringWithFormat(format, pointer),
                };
            case JsonSchemaType.Integer:
                // JSON Schema integers are unbounded: only an explicit int32 (or smaller) format is an int.
                // uint64 values above long.MaxValue (Docker's "no limit" 18446744073709551615) need ulong.
                var clr = format is "int32" or "int16" or "int8" or "uint8" or "uint16" ? "int" : format == "uint64" ? "ulong" : "long";
                CheckFormat(format, type, clr, pointer);
                return TypeRef.Primitive(clr, true);
            case JsonSchemaType.Number:
                CheckFormat(format, type, "double", pointer);
                return format switch
                {
                    "float" => TypeRef.Primitive("float", true),
                    "decimal" => TypeRef.Primitive("decimal", true),
                    "int32" => TypeRef.Primitive("int", true),
                    "int64" => TypeRef.Primitive("long", true),
                    _ => TypeRef.Primitive("double", true),
                };
            case JsonSchemaType.Boolean:
                return TypeRef.Primitive("bool", true);
            case JsonSchemaType.Array:
                return TypeRef.ArrayOf(Map(schema.Items, nameHint + "Item", pointer + "/items"));
            case JsonSchemaType.Object:
                if (schema.AdditionalProperties is { } values)
                {
                    return TypeRef.MapOf(Map(values, nameHint + "Value", pointer + "/additionalProperties"));
                }
                return TypeRef.MapOf(TypeRef.JsonElement);
            case 0:
                // No type and nothing else: any JSON value, which JsonElement represents exactly.
                return TypeRef.JsonElement;
            default:
                _context.Report(DiagnosticDescriptors.TypedAsJson.Id, pointer, "The schema", "its type combination '" + type + "' has no C# equivalent");
                return TypeRef.JsonElement;
        }
    }

    private TypeRef StringWithFormat(string format, string pointer)
    {
        CheckFormat(format, JsonSchemaType.String, "string", pointer);
        return TypeRef.Primitive("string", false);
    }

    private TypeRef InlineModel(IOpenApiSchema schema, string nameHint, string pointer)
    {
        // AutoRest names inline enums with x-ms-enum.name; merging then makes equal ones one type.
        var name = ClaimTypeName((IsEnum(schema) ? AutoRestNames.EnumName(schema) : null) ?? nameHint, pointer);
        _inline.Add(name);
        var model = BuildModel(name, schema, pointer);
        return TypeRef.Named(name, model.Kind != ModelKind.Object);
    }

    private ModelDef BuildModel(string name, IOpenApiSchema schema, string pointer)
    {
        var model = IsEnum(schema) ? EnumBuilder.Build(name, schema, pointer, _context)
            : IsUnion(schema) ? BuildUnion(name, schema, pointer)
            : BuildObject(name, schema, pointer);
        if (schema.Deprecated) model = model with { Deprecated = true };
        _models.Add(model);
        _pointers[name] = pointer;
        return model;
    }

    // A $ref's target marks its own type obsolete; reading it through the reference would also resolve it each time.
    private static bool OwnDeprecated(IOpenApiSchema schema) => schema is not OpenApiSchemaReference && schema.Deprecated;

    private ModelDef BuildObject(string name, IOpenApiSchema schema, string pointer)
    {
        var members = new NameScope(new[] { name });
        var properties = new List<PropertyDef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // allOf with exactly one $ref to an object model plus inline parts: inheritance. The base's parts are its own.
        var (baseName, baseParts) = InheritanceBase(schema, pointer);
        // The parts are walked once: members, required names and branches below all read them.
        var parts = ObjectParts(schema, pointer, this);
        var requiredNames = new HashSet<string>(parts.SelectMany(p => p.Schema.Required ?? new HashSet<string>()), StringComparer.Ordinal);
        foreach (var (part, partPointer) in parts)
        {
            if (baseParts.Contains(part)) continue;
            foreach (var pair in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (!seen.Add(pair.Key)) continue;
                var propertyPointer = partPointer + "/properties/" + JsonPositionMap.Escape(pair.Key);
                var wanted = Identifier.Pascal(AutoRestNames.ClientName(pair.Value) ?? pair.Key, "Property");
                if (wanted == name || ReservedNames.RecordMembers.Contains(wanted)) wanted += "Value";
                var memberName = members.Claim(wanted);
                var type = Map(pair.Value, name + Identifier.Pascal(pair.Key, "Property"), propertyPointer);
                // readOnly values are absent from requests and writeOnly ones from responses: one record serves both, so neither is required.
                // Nor is a deprecated one: C# rejects [Obsolete] on a required member (CS9042), and servers drop such fields.
                var deprecated = OwnDeprecated(pair.Value);
                var required = requiredNames.Contains(pair.Key) && !IsReadOrWriteOnly(pair.Value) && !deprecated;
                properties.Add(new PropertyDef(memberName, pair.Key, type, required, SafeDescription(pair.Value), deprecated));
            }
        }
        // Properties beside oneOf/anyOf object branches (Vercel's {method} beside oneOf [add, move-in, transfer-in]): the
        // branches' members are members too, optional as each belongs to some branches only; else they could never be sent.
        var branchMembers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (part, partPointer) in parts.Where(p => !baseParts.Contains(p.Schema)).ToList())
        {
            var branches = (part.OneOf ?? new List<IOpenApiSchema>()).Select((b, i) => (b, partPointer + "/oneOf/" + i))
                .Concat((part.AnyOf ?? new List<IOpenApiSchema>()).Select((b, i) => (b, partPointer + "/anyOf/" + i)));
            foreach (var (branch, branchPointer) in branches)
            {
                var (target, targetPointer) = branch is OpenApiSchemaReference br
                    ? (br.Target, br.Reference?.Id is { } bid ? "#/components/schemas/" + JsonPositionMap.Escape(bid) : branchPointer)
                    : (branch, branchPointer);
                if (target is null) continue;
                foreach (var (branchPart, branchPartPointer) in ObjectParts(target, targetPointer, this))
                {
                    foreach (var pair in branchPart.Properties ?? new Dictionary<string, IOpenApiSchema>())
                    {
                        var memberPointer = branchPartPointer + "/properties/" + JsonPositionMap.Escape(pair.Key);
                        if (!seen.Add(pair.Key))
                        {
                            // Branches that give one member different types (PagerDuty's Channel.details: an object in
                            // NagiosChannel, a string in WebTriggerChannel): the member holds any of them, so any JSON value.
                            if (branchMembers.TryGetValue(pair.Key, out var index) && properties[index].Type.Kind != TypeKind.Json)
                            {
                                var other = Map(pair.Value, name + Identifier.Pascal(pair.Key, "Property"), memberPointer);
                                // Branches with different constants for one member (a tag: "add", "move-in") agree it is a string.
                                if (SameType(properties[index].Type with { Constant = null }, other with { Constant = null }))
                                {
                                    if (properties[index].Type.Constant != other.Constant) properties[index] = properties[index] with { Type = properties[index].Type with { Constant = null } };
                                }
                                else
                                {
                                    properties[index] = properties[index] with { Type = TypeRef.JsonElement.AsNullable() };
                                }
                            }
                            continue;
                        }
                        var wanted = Identifier.Pascal(AutoRestNames.ClientName(pair.Value) ?? pair.Key, "Property");
                        if (wanted == name || ReservedNames.RecordMembers.Contains(wanted)) wanted += "Value";
                        var type = Map(pair.Value, name + Identifier.Pascal(pair.Key, "Property"), memberPointer);
                        branchMembers[pair.Key] = properties.Count;
                        properties.Add(new PropertyDef(members.Claim(wanted), pair.Key, type, false, SafeDescription(pair.Value), OwnDeprecated(pair.Value)));
                    }
                }
            }
        }
        // A required member the schema never declares (PagerDuty's IncidentBody requires "type") has to be sendable: it
        // becomes an optional member of any JSON value. Optional, as nothing says what it holds and mocks (Prism) and
        // servers leave such members out; reading must not fail on them.
        var declared = new HashSet<string>(parts.SelectMany(p => p.Schema.Properties?.Keys ?? Enumerable.Empty<string>()).Concat(seen), StringComparer.Ordinal);
        foreach (var undeclared in requiredNames.Where(r => !declared.Contains(r)).OrderBy(r => r, StringComparer.Ordinal))
        {
            var wanted = Identifier.Pascal(undeclared, "Property");
            if (wanted == name || ReservedNames.RecordMembers.Contains(wanted)) wanted += "Value";
            properties.Add(new PropertyDef(members.Claim(wanted), undeclared, TypeRef.JsonElement.AsNullable(), false, null));
        }
        // A discriminator on an object schema names the derived records (allOf children) when reading a value of this type.
        var discriminator = schema.Discriminator?.PropertyName is { Length: > 0 } d && properties.Count + (baseName is null ? 0 : 1) > 0 ? d : null;
        var mapped = (schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            .Where(m => m.Value?.Reference?.Id is { } id && _componentNames.ContainsKey(id))
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var m in mapped) _used.Add(m.Value.Reference!.Id!);
        var cases = mapped
            .Select(m => new UnionVariant(_componentNames[m.Value.Reference!.Id!], TypeRef.Named(_componentNames[m.Value.Reference!.Id!], false), JsonToken.Object, new[] { m.Key }.ToEquatableArray()))
            .ToEquatableArray();
        return new ModelDef(name, ModelKind.Object, schema.Description, properties.ToEquatableArray(), EquatableArray<UnionVariant>.Empty, EquatableArray<EnumMember>.Empty,
            Discriminator: discriminator, BaseName: baseName, DiscriminatorCases: cases);
    }

    private static readonly HashSet<IOpenApiSchema> NoParts = new(ReferenceEqualityComparer.Instance);

    private (string? Name, HashSet<IOpenApiSchema> Parts) InheritanceBase(IOpenApiSchema schema, string pointer)
    {
        var parts = schema.AllOf ?? new List<IOpenApiSchema>();
        var references = parts.OfType<OpenApiSchemaReference>().ToList();
        if (references.Count != 1 || parts.Count < 2) return (null, NoParts);
        var reference = references[0];
        if (reference.Target is not { } target || reference.Reference?.Id is not { } id || !_componentNames.TryGetValue(id, out var baseName)) return (null, NoParts);
        _used.Add(id);
        if (IsUnion(target) || IsEnum(target) || ((target.Type ?? 0) & JsonSchemaType.Null) != 0) return (null, NoParts);
        var baseParts = new HashSet<IOpenApiSchema>(ObjectParts(target, "#/components/schemas/" + JsonPositionMap.Escape(id)).Select(p => p.Schema), ReferenceEqualityComparer.Instance);
        // An allOf cycle (the base pulls this schema back in) cannot be a class hierarchy: merge instead.
        return baseParts.Contains(schema) ? (null, NoParts) : (baseName, baseParts);
    }

    /// <summary>
    /// The models with inheritance completed: each derived record learns its base chain's properties (for its JSON
    /// metadata) and drops redeclared ones; each base learns every record deriving from it (for polymorphic writing).
    /// </summary>
    public IReadOnlyList<ModelDef> CompleteModels()
    {
        var byName = _models.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var inherited = new Dictionary<string, List<PropertyDef>>(StringComparer.Ordinal);

        List<PropertyDef> Chain(ModelDef model, int depth)
        {
            if (inherited.TryGetValue(model.Name, out var known)) return known;
            var chain = new List<PropertyDef>();
            if (depth < 48 && model.BaseName is { } baseName && byName.TryGetValue(baseName, out var baseModel) && baseModel.Kind == ModelKind.Object)
            {
                chain.AddRange(Chain(baseModel, depth + 1));
                // Without descriptions: the derived file renders no base docs, so a base doc edit must not re-render it.
                chain.AddRange(baseModel.Properties.Where(p => !chain.Any(c => c.JsonName == p.JsonName)).Select(p => p with { Description = null }));
            }
            inherited[model.Name] = chain;
            return chain;
        }

        var result = new List<ModelDef>();
        foreach (var model in _models)
        {
            if (model.BaseName is null || !byName.TryGetValue(model.BaseName, out var b) || b.Kind != ModelKind.Object)
            {
                result.Add(model with { BaseName = null });
                continue;
            }
            var chain = Chain(model, 0);
            var taken = new NameScope(chain.Select(p => p.Name).Concat(new[] { model.Name }));
            var own = model.Properties
                .Where(p => !chain.Any(c => c.JsonName == p.JsonName))
                .Select(p => p with { Name = taken.Claim(p.Name) }) // a name the base already uses gets a suffix
                .ToEquatableArray();
            result.Add(model with { Properties = own, Inherited = chain.ToEquatableArray() });
        }
        // Every descendant, so a base-typed value is written with its runtime type's properties.
        var children = result.Where(m => m.BaseName is not null).ToLookup(m => m.BaseName!, m => m.Name, StringComparer.Ordinal);
        IEnumerable<string> Descendants(string name, int depth) =>
            depth > 48 ? Enumerable.Empty<string>() : children[name].SelectMany(c => new[] { c }.Concat(Descendants(c, depth + 1)));
        var componentIds = _componentNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return result.Select(m =>
        {
            if (m.Kind != ModelKind.Object) return m; // a union's discriminator is its own
            if (!children.Contains(m.Name)) return m with { Discriminator = null, DiscriminatorCases = EquatableArray<UnionVariant>.Empty };
            var descendants = Descendants(m.Name, 0).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (m.Discriminator is null) return m with { DerivedNames = descendants.ToEquatableArray() };
            // Explicit mapping entries that name descendants, then each other descendant by its component name.
            var cases = m.DiscriminatorCases.Where(c => descendants.Contains(c.Name)).ToList();
            foreach (var d in descendants.Where(d => !cases.Any(c => c.Name == d) && componentIds.ContainsKey(d)))
            {
                cases.Add(new UnionVariant(d, TypeRef.Named(d, false), JsonToken.Object, new[] { componentIds[d] }.ToEquatableArray()));
            }
            return m with { DerivedNames = descendants.ToEquatableArray(), DiscriminatorCases = cases.ToEquatableArray() };
        }).ToList();
    }

    private ModelDef BuildUnion(string name, IOpenApiSchema schema, string pointer)
    {
        var variantNames = new NameScope(ReservedNames.UnionMembers(name));
        var variants = new List<UnionVariant>();
        var arms = UnionArms(schema, pointer).ToList();
        for (var i = 0; i < arms.Count; i++)
        {
            var type = Map(arms[i].Schema, name + "Variant" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), arms[i].Pointer);
            type = type with { Nullable = false };
            if (variants.Any(v => v.Type == type)) continue;
            var tags = DiscriminatorTags(schema.Discriminator, arms[i].Schema);
            variants.Add(new UnionVariant(variantNames.Claim(InlineVariantName(arms[i].Schema, type) ?? VariantName(type)), type, EnumToken(arms[i].Schema) ?? TokenOf(type), tags));
        }
        var discriminator = variants.Any(v => v.Tags.Count > 0) ? schema.Discriminator?.PropertyName : null;
        return new ModelDef(name, ModelKind.Union, schema.Description, EquatableArray<PropertyDef>.Empty, variants.ToEquatableArray(), EquatableArray<EnumMember>.Empty, Discriminator: discriminator);
    }

    // Discriminator values naming this arm: explicit mapping entries, else the component name (the spec's implicit rule).
    private static EquatableArray<string> DiscriminatorTags(OpenApiDiscriminator? discriminator, IOpenApiSchema arm)
    {
        if (string.IsNullOrEmpty(discriminator?.PropertyName) || arm is not OpenApiSchemaReference { Reference.Id: { } id }) return EquatableArray<string>.Empty;
        var mapped = (discriminator!.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            .Where(m => m.Value?.Reference?.Id == id)
            .Select(m => m.Key)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();
        return (mapped.Count > 0 ? mapped : new List<string> { id }).ToEquatableArray();
    }

    private IEnumerable<(IOpenApiSchema Schema, string Pointer)> UnionArms(IOpenApiSchema schema, string pointer)
    {
        var nonNull = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (nonNull != 0 && !IsSingleType(nonNull))
        {
            foreach (JsonSchemaType flag in Enum.GetValues(typeof(JsonSchemaType)))
            {
                if (flag != JsonSchemaType.Null && (nonNull & flag) != 0)
                {
                    yield return (new OpenApiSchema { Type = flag, Format = schema.Format, Items = schema.Items, Properties = schema.Properties, AdditionalProperties = schema.AdditionalProperties }, pointer);
                }
            }
            yield break;
        }
        for (var i = 0; i < (schema.AnyOf?.Count ?? 0); i++)
        {
            if (!IsNullSchema(schema.AnyOf![i])) yield return (schema.AnyOf[i], pointer + "/anyOf/" + i);
        }
        for (var i = 0; i < (schema.OneOf?.Count ?? 0); i++)
        {
            if (!IsNullSchema(schema.OneOf![i])) yield return (schema.OneOf[i], pointer + "/oneOf/" + i);
        }
    }

    // The schema and every allOf part it pulls in, each once: allOf cycles (A allOf B, B allOf A) end instead of recursing forever.
    private static List<(IOpenApiSchema Schema, string Pointer)> ObjectParts(IOpenApiSchema schema, string pointer, SchemaMapper? mapper = null)
    {
        var parts = new List<(IOpenApiSchema, string)>();
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(IOpenApiSchema Schema, string Pointer)>();
        pending.Push((schema, pointer));
        while (pending.Count > 0)
        {
            var (current, currentPointer) = pending.Pop();
            if (!seen.Add(current)) continue;
            parts.Add((current, currentPointer));
            for (var i = (current.AllOf?.Count ?? 0) - 1; i >= 0; i--)
            {
                var part = current.AllOf![i];
                if (part is OpenApiSchemaReference r && r.Target is not null && r.Reference?.Id is { } id)
                {
                    pending.Push((r.Target, "#/components/schemas/" + JsonPositionMap.Escape(id)));
                }
                else if (part is OpenApiSchemaReference && mapper?._context.Raw.RefAt(currentPointer + "/allOf/" + i) is { } written
                    && PointerResolver.ResolveSchema(mapper._document, written) is { } inner)
                {
                    // A pointer into another schema ("#/components/schemas/Tag/allOf/0"): the reader leaves it unresolved
                    // (and its Reference names "#/components/schemas/0"), so the $ref as written is followed.
                    pending.Push((inner, written));
                }
                else if (part is not OpenApiSchemaReference)
                {
                    pending.Push((part, currentPointer + "/allOf/" + i));
                }
            }
        }
        return parts;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private string ClaimTypeName(string wanted, string pointer)
    {
        var pascal = Identifier.Pascal(wanted, "Model");
        var name = _typeNames.Claim(pascal);
        if (name != pascal) _context.Report(DiagnosticDescriptors.Renamed.Id, pointer, wanted, name, "another type already has that name");
        return name;
    }

    // Reading a description through a self-referencing $ref throws in Microsoft.OpenApi; a missing doc comment is the right loss.
    private static string? SafeDescription(IOpenApiSchema schema)
    {
        try
        {
            // A $ref property documents itself only with its own sibling description: the target's text belongs to the target type.
            if (schema is OpenApiSchemaReference reference) return reference.Reference?.Description;
            return schema.Description ?? schema.Title;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private bool IsReadOrWriteOnly(IOpenApiSchema schema)
    {
        try
        {
            // A $ref's own readOnly/writeOnly (3.1 siblings) win over its target's; the target is looked up once.
            var target = _references.Schema(schema) ?? schema;
            var own = (schema as OpenApiSchemaReference)?.Reference;
            return (own?.ReadOnly ?? target.ReadOnly) || (own?.WriteOnly ?? target.WriteOnly);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsModelSchema(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference) return false;
        if (IsUnion(schema) || IsEnum(schema)) return true;
        if ((schema.Properties?.Count ?? 0) > 0) return true;
        if ((schema.AllOf?.Count ?? 0) == 0) return false;
        // One $ref plus annotations is that type itself; otherwise a record only when some part, followed through its $refs, declares properties.
        var constraining = schema.AllOf!.Where(p => !IsAnnotationOnly(p)).ToList();
        if (constraining.Count == 1 && constraining[0] is OpenApiSchemaReference) return false;
        return ObjectParts(schema, "#").Any(p => (p.Schema.Properties?.Count ?? 0) > 0);
    }

    // A one-value string enum is a constant string, not a type (see TypeRef.Constant).
    private static bool IsEnum(IOpenApiSchema schema) => schema is not OpenApiSchemaReference && EnumBuilder.IsEnum(schema) && EnumBuilder.ConstantOf(schema) is null;

    private static bool IsUnion(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference r) return r.Target is not null && !r.UnresolvedReference && IsUnion(r.Target);
        if ((schema.Properties?.Count ?? 0) > 0 || (schema.AllOf?.Count ?? 0) > 0) return false;
        var nonNull = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (nonNull != 0) return !IsSingleType(nonNull);
        return NonNullVariants(schema.AnyOf).Count() + NonNullVariants(schema.OneOf).Count() > 1;
    }

    private static bool IsSingleType(JsonSchemaType type) => (type & (type - 1)) == 0;

    private static IEnumerable<IOpenApiSchema> NonNullVariants(IList<IOpenApiSchema>? variants) =>
        variants?.Where(v => !IsNullSchema(v)) ?? Enumerable.Empty<IOpenApiSchema>();

    private static bool HasNullVariant(IList<IOpenApiSchema>? variants) => variants?.Any(IsNullSchema) == true;

    private static bool IsNullSchema(IOpenApiSchema schema) => schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    private static TypeRef WithNullable(TypeRef type, bool nullable) => nullable ? type.AsNullable() : type;

    // An inline arm's type is named after the union ("…Variant2"), and deduplication may rename it after another union's
    // arm: the union's members are named by what the arm is instead (IsObject, IsEmpty for Stripe's `enum: [""]`).
    private static string? InlineVariantName(IOpenApiSchema arm, TypeRef type)
    {
        // A constant arm, inline or through a $ref, is named by its value.
        if (type.Constant is { } constant) return constant.Length == 0 ? "Empty" : Identifier.Pascal(constant, "Value");
        if (arm is OpenApiSchemaReference || type.Kind != TypeKind.Named) return null;
        if (EnumBuilder.IsEnum(arm))
        {
            var values = arm.Enum!.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
            if (values.Count != 1) return "Enum";
            var text = values[0]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? values[0]!.GetValue<string>() : values[0]!.ToJsonString();
            // A value that makes no identifier ("*", "1.5") is just a Value; the union's name scope keeps it unique.
            return text.Length == 0 ? "Empty" : Identifier.Pascal(text, "Value");
        }
        return (arm.OneOf?.Count ?? 0) + (arm.AnyOf?.Count ?? 0) > 0 && (arm.Properties?.Count ?? 0) == 0 ? "Union" : "Object";
    }

    private static bool SameType(TypeRef a, TypeRef b) => (a with { Nullable = false }) == (b with { Nullable = false });

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Named => type.Name,
        TypeKind.Array => VariantName(type.Item!) + "List",
        TypeKind.Map => VariantName(type.Item!) + "Map",
        TypeKind.Json => "Json",
        _ => type.Name switch
        {
            "string" => "String",
            "int" => "Int32",
            "long" => "Int64",
            "ulong" => "UInt64",
            "float" => "Single",
            "double" => "Double",
            "decimal" => "Decimal",
            "bool" => "Boolean",
            "byte[]" => "Bytes",
            _ => Identifier.Pascal(type.Name.Substring(type.Name.LastIndexOf('.') + 1), "Value"),
        },
    };

    // An enum arm is read from a string or number token, not an object.
    private static JsonToken? EnumToken(IOpenApiSchema schema)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (target is null || !EnumBuilder.IsEnum(target)) return null;
        return ((target.Type ?? 0) & JsonSchemaType.Integer) != 0 ? JsonToken.Integer : JsonToken.String;
    }

    private static JsonToken TokenOf(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => JsonToken.Array,
        TypeKind.Map or TypeKind.Named or TypeKind.Json => JsonToken.Object,
        _ => type.Name switch
        {
            "int" or "long" or "ulong" => JsonToken.Integer,
            "float" or "double" or "decimal" => JsonToken.Number,
            "bool" => JsonToken.Boolean,
            _ => JsonToken.String,
        },
    };
}
