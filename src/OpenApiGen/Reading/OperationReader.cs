using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using OpenApiGen.Diagnostics;
using OpenApiGen.Model;
using OpenApiGen.Naming;

namespace OpenApiGen.Reading;

/// <summary>Reads paths into operation groups: names, parameters, bodies, responses and security.</summary>
public sealed class OperationReader
{
    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY" };

    private readonly OpenApiDocument _document;
    private readonly ReadContext _context;
    private readonly SchemaMapper _schemas;
    private readonly References _references;
    private readonly IReadOnlyCollection<SecuritySchemeDef> _schemes;
    private readonly List<SecurityRequirementDef> _defaultSecurity;
    private readonly InputRuleReader _rules = new();

    private readonly bool _streamArrays;
    private readonly bool _streams;

    public OperationReader(OpenApiDocument document, ReadContext context, SchemaMapper schemas, References references, IReadOnlyCollection<SecuritySchemeDef> schemes, bool streamArrays = false, bool streams = true)
    {
        _references = references;
        _streamArrays = streamArrays;
        _streams = streams;
        _document = document;
        _context = context;
        _schemas = schemas;
        _schemes = schemes;
        _defaultSecurity = SecurityReader.ReadRequirements(document.Security, schemes) ?? new List<SecurityRequirementDef>();
    }

    /// <summary>Reads the operations the filter keeps; controller and result type names are claimed in <paramref name="typeNames"/>.</summary>
    public List<OperationGroup> ReadGroups(NameScope typeNames, string clientName, OperationFilter filter)
    {
        // Group names become members and nested types of the client class: keep them off its own names.
        var reservedGroups = ReservedNames.ClientMembers(clientName);
        var operations = new List<(string Group, OperationDef Operation, string Pointer)>();
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = _document.Paths ?? new OpenApiPaths();
        foreach (var path in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pathOperations = path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>();
            foreach (var pair in pathOperations.OrderBy(p => MethodRank(p.Key.Method)))
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                var tags = pair.Value.Tags?.Select(t => t.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList() ?? new List<string>();
                // A filtered-out operation is not read at all, so the schemas only it uses are never built.
                if (!filter.Keeps(path.Key, pair.Value.OperationId, tags)) continue;
                var method = pair.Key.Method.ToUpperInvariant();
                var pointer = "#/paths/" + JsonPositionMap.Escape(path.Key) + "/" + method.ToLowerInvariant();
                if (pair.Value.OperationId is { Length: > 0 } operationId)
                {
                    var where = method + " " + path.Key;
                    if (operationIds.TryGetValue(operationId, out var first)) _context.Report(DiagnosticDescriptors.DuplicateOperationId.Id, pointer + "/operationId", operationId, first);
                    else operationIds[operationId] = where;
                }
                var group = OperationNamer.GroupName(tags.FirstOrDefault(), path.Key);
                var name = OperationNamer.MethodName(pair.Value.OperationId, method, path.Key);
                try
                {
                    operations.Add((group, ReadOperation(name, method, path.Key, path.Value, pair.Value, pointer), pointer));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Skip this operation only; the rest of the spec still generates.
                    _context.Report(DiagnosticDescriptors.UnexpectedException.Id, pointer, _context.Path, "reading operation " + method + " " + path.Key, ex.GetType().FullName ?? "Exception", ex.Message);
                }
            }
        }

        var groups = new List<OperationGroup>();
        // Each group is a property {G}, a class {G}Client and an interface I{G}Client, all members of the client class:
        // tags "Users" and "IUsers" would otherwise both declare IUsersClient.
        var clientMembers = new HashSet<string>(reservedGroups, StringComparer.Ordinal);
        foreach (var group in operations.GroupBy(o => o.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groupName = reservedGroups.Contains(group.Key) || group.Key.StartsWith("Has", StringComparison.Ordinal) || group.Key.StartsWith("Apply", StringComparison.Ordinal)
                ? group.Key + "Operations"
                : group.Key;
            while (new[] { groupName, groupName + "Client", "I" + groupName + "Client" }.Any(clientMembers.Contains)) groupName += "Operations";
            clientMembers.UnionWith(new[] { groupName, groupName + "Client", "I" + groupName + "Client" });
            var names = new NameScope();
            var list = new List<OperationDef>();
            foreach (var (_, operation, pointer) in group)
            {
                var unique = names.Claim(operation.Name);
                if (unique != operation.Name)
                {
                    _context.Report(DiagnosticDescriptors.OperationNameCollision.Id, pointer, operation.Method + " " + operation.Path, operation.Name, groupName, unique);
                }
                var result = typeNames.IsTaken(unique + "Result") ? groupName + unique + "Result" : unique + "Result";
                list.Add(operation with { Name = unique, ResultName = typeNames.Claim(result) });
            }
            groups.Add(new OperationGroup(groupName, typeNames.Claim(groupName + "ControllerBase"), list.ToEquatableArray(), typeNames.Claim(groupName + "HandlerBase")));
        }
        return groups;
    }

    private OperationDef ReadOperation(string name, string method, string path, IOpenApiPathItem item, OpenApiOperation operation, string pointer)
    {
        var names = new NameScope(ReservedNames.MethodParameters);
        var parameters = ReadParameters(name, path, item, operation, pointer, names);
        var body = ReadBody(name, operation.RequestBody, pointer + "/requestBody", names);
        var responses = ReadResponses(name, method, operation.Responses, pointer + "/responses");
        var security = SecurityReader.ReadRequirements(operation.Security, _schemes) ?? _defaultSecurity;
        var stream = ReadStream(name, operation.Responses, responses, pointer + "/responses");
        return new OperationDef(
            name,
            "",
            method,
            path,
            operation.Summary,
            operation.Description,
            parameters.ToEquatableArray(),
            body,
            responses.ToEquatableArray(),
            security.ToEquatableArray(),
            operation.Deprecated,
            stream);
    }

    /// <summary>
    /// The requests the API sends rather than receives, as operations to receive and to send: 3.1 webhooks (group
    /// "Webhooks", received at /webhooks/{name}) and the callbacks of the operations the filter kept (group "Callbacks",
    /// received at /callbacks/{callback name} plus the URL expression's literal path after its last runtime expression).
    /// </summary>
    public List<OperationGroup> ReadNotifications(NameScope typeNames, IEnumerable<string> apiGroups, OperationFilter filter)
    {
        var taken = new HashSet<string>(apiGroups, StringComparer.Ordinal);
        var result = new List<OperationGroup>();
        var webhooks = new List<(OperationDef, string)>();
        foreach (var hook in (_document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>()).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var pointer = "#/webhooks/" + JsonPositionMap.Escape(hook.Key);
            webhooks.AddRange(Notifications(hook.Key, "/webhooks/" + RouteSegment(hook.Key), hook.Value, pointer));
        }
        var callbacks = new List<(OperationDef, string)>();
        foreach (var path in (_document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var pair in (path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).OrderBy(p => MethodRank(p.Key.Method)))
            {
                var tags = pair.Value.Tags?.Select(t => t.Name).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList() ?? new List<string>();
                if (pair.Value.Callbacks is not { Count: > 0 } declared || !filter.Keeps(path.Key, pair.Value.OperationId, tags)) continue;
                var operationPointer = "#/paths/" + JsonPositionMap.Escape(path.Key) + "/" + pair.Key.Method.ToLowerInvariant();
                foreach (var callback in declared.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    foreach (var target in callback.Value?.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                    {
                        var expression = target.Key.Expression ?? "";
                        var pointer = operationPointer + "/callbacks/" + JsonPositionMap.Escape(callback.Key) + "/" + JsonPositionMap.Escape(expression);
                        callbacks.AddRange(Notifications(callback.Key, "/callbacks/" + RouteSegment(callback.Key) + LiteralSuffix(expression), target.Value, pointer, expression));
                    }
                }
            }
        }
        foreach (var (name, list) in new[] { ("Webhooks", webhooks), ("Callbacks", callbacks) })
        {
            if (list.Count == 0) continue;
            var groupName = name;
            while (!taken.Add(groupName)) groupName += "Received";
            var names = new NameScope();
            var routes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var operations = new List<OperationDef>();
            foreach (var (operation, pointer) in list)
            {
                var unique = names.Claim(operation.Name);
                if (unique != operation.Name) _context.Report(DiagnosticDescriptors.OperationNameCollision.Id, pointer, operation.Method + " " + operation.Path, operation.Name, groupName, unique);
                var resultName = typeNames.IsTaken(unique + "Result") ? groupName + unique + "Result" : unique + "Result";
                // Two operations' callbacks of one name would share a route: the later one is told apart by its C# name.
                var route = routes.Add(operation.Method + " " + operation.Path) ? operation.Path : operation.Path + "/" + unique;
                routes.Add(operation.Method + " " + route);
                operations.Add(operation with { Name = unique, ResultName = typeNames.Claim(resultName), Path = route });
            }
            result.Add(new OperationGroup(groupName, typeNames.Claim(groupName + "ControllerBase"), operations.ToEquatableArray(), typeNames.Claim(groupName + "HandlerBase")));
        }
        return result;
    }

    // A webhook or callback path item's operations, each named after the webhook or callback (and its method when it has several).
    private IEnumerable<(OperationDef, string)> Notifications(string name, string route, IOpenApiPathItem? item, string pointer, string? expression = null)
    {
        var list = new List<(OperationDef, string)>();
        if (item?.Operations is not { Count: > 0 } operations) return list;
        foreach (var pair in operations.OrderBy(p => MethodRank(p.Key.Method)))
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var method = pair.Key.Method.ToUpperInvariant();
            var operationPointer = pointer + "/" + method.ToLowerInvariant();
            var baseName = OperationNamer.MethodName(pair.Value.OperationId ?? name, method, route);
            var methodName = operations.Count > 1 && pair.Value.OperationId is null ? baseName + Identifier.Pascal(method.ToLowerInvariant(), "Send") : baseName;
            try
            {
                var operation = ReadOperation(methodName, method, route, item, pair.Value, operationPointer);
                if (operation.Body is { Kind: BodyKind.Form or BodyKind.Multipart })
                {
                    _context.Report(DiagnosticDescriptors.Unsupported.Id, operationPointer + "/requestBody", "Sending a webhook or callback with a form body",
                        "its receivers are generated, the sender has no method for " + name);
                }
                // Where the sender posts: the URL expression the spec gives a callback, for its documentation.
                if (expression is not null) operation = operation with { Description = (operation.Description is null ? "" : operation.Description.TrimEnd() + "\n\n") + "Sent to " + expression + "." };
                list.Add((operation, operationPointer));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _context.Report(DiagnosticDescriptors.UnexpectedException.Id, operationPointer, _context.Path, "reading " + method + " " + name, ex.GetType().FullName ?? "Exception", ex.Message);
            }
        }
        return list;
    }

    // A webhook or callback name as one route segment: unreserved URL characters only, so "{" never opens a route parameter.
    private static string RouteSegment(string name)
    {
        var segment = new string(name.Select(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '~') ? c : '-').ToArray());
        return segment.Trim('.').Length == 0 ? "notification" : segment;
    }

    // "{$request.query.callbackUrl}/data" → "/data": the literal path after the last runtime expression, if any.
    private static string LiteralSuffix(string expression)
    {
        var end = expression.LastIndexOf('}');
        var suffix = end < 0 ? "" : expression.Substring(end + 1);
        var query = suffix.IndexOfAny(new[] { '?', '#' });
        if (query >= 0) suffix = suffix.Substring(0, query);
        return suffix.StartsWith("/", StringComparison.Ordinal) && suffix.IndexOf('{') < 0 ? suffix.TrimEnd('/') : "";
    }

    /// <summary>
    /// The first success response with a sequential media type (NDJSON, JSON Lines, JSON text sequences, server-sent
    /// events); else, with OpenApiStreamArrays, the success response that is a JSON array. Its items are the media
    /// type's itemSchema (OpenAPI 3.2), else its schema (an array's items for the line formats, which some specs write so).
    /// </summary>
    private StreamDef? ReadStream(string operationName, OpenApiResponses? responses, List<ResponseDef> read, string pointer)
    {
        // OpenApiStreams="false": OpenAI's event types alone are a million characters, which a client that never streams need not compile.
        foreach (var pair in (_streams ? responses ?? new OpenApiResponses() : new OpenApiResponses()).Where(r => r.Key.Length == 3 && r.Key[0] == '2').OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var media in pair.Value.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                if (StreamKindOf(media.Key) is not { } kind) continue;
                var schemaPointer = pointer + "/" + JsonPositionMap.Escape(pair.Key) + "/content/" + JsonPositionMap.Escape(media.Key);
                var schema = media.Value.ItemSchema ?? media.Value.Schema;
                var member = read.FirstOrDefault(r => r.StatusCode == pair.Key)?.MemberName ?? StatusNames.For(pair.Key);
                if (schema is null) return new StreamDef(pair.Key, media.Key, kind, TypeRef.Primitive("string", false), member);
                var type = _schemas.Map(schema, operationName + "StreamItem", schemaPointer + (media.Value.ItemSchema is null ? "/schema" : "/itemSchema"));
                if (type.Kind == TypeKind.Array && kind != StreamKind.EventStream && media.Value.ItemSchema is null) type = type.Item!;
                return new StreamDef(pair.Key, media.Key, kind, type with { Nullable = false }, member);
            }
        }
        if (!_streamArrays) return null;
        var array = read.FirstOrDefault(r => r.IsSuccess && r.Type is { Kind: TypeKind.Array } && r.ContentType is { } c && MediaTypes.BodyKindOf(c) == BodyKind.Json);
        return array is null ? null : new StreamDef(array.StatusCode, array.ContentType!, StreamKind.JsonArray, array.Type!.Item!, array.MemberName);
    }

    private static StreamKind? StreamKindOf(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => StreamKind.JsonLines,
        "application/json-seq" => StreamKind.JsonSeq,
        "text/event-stream" => StreamKind.EventStream,
        _ => null,
    };

    private List<ParameterDef> ReadParameters(string operationName, string path, IOpenApiPathItem item, OpenApiOperation operation, string pointer, NameScope names)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        var merged = new List<(IOpenApiParameter Parameter, string? Description, string Pointer)>();
        var own = operation.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < own.Count; i++)
        {
            var resolved = Resolved(own[i]);
            merged.Add((resolved, DescriptionOf(own[i], resolved), pointer + "/parameters/" + i));
        }
        var shared = item.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < shared.Count; i++)
        {
            var candidate = Resolved(shared[i]);
            if (!merged.Any(m => m.Parameter.Name == candidate.Name && m.Parameter.In == candidate.In))
            {
                merged.Add((candidate, DescriptionOf(shared[i], candidate), pointer.Substring(0, pointer.LastIndexOf('/')) + "/parameters/" + i));
            }
        }

        var result = new List<ParameterDef>();
        foreach (var (parameter, description, parameterPointer) in merged)
        {
            if (parameter.In is null || parameter.Name is null) continue;
            var location = parameter.In.Value switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => Model.ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
                _ => Model.ParameterLocation.Query,
            };
            var required = parameter.Required || location == Model.ParameterLocation.Path;
            var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            if (schema is null) _context.Report(DiagnosticDescriptors.ParameterWithoutSchema.Id, parameterPointer, parameter.Name);
            var type = schema is null
                ? TypeRef.Primitive("string", false)
                : _schemas.Map(schema, operationName + Identifier.Pascal(parameter.Name, "Parameter"), parameterPointer + "/schema");
            if (!required) type = type.AsNullable();
            var csharpName = names.Claim(Identifier.Camel(AutoRestNames.ClientName(parameter) ?? parameter.Name, "value"));
            if (csharpName.StartsWith("@", StringComparison.Ordinal))
            {
                _context.Report(DiagnosticDescriptors.Renamed.Id, parameterPointer, parameter.Name, csharpName, "it is a C# keyword");
            }
            var style = parameter.Style is { } declared
                ? char.ToLowerInvariant(declared.ToString()[0]) + declared.ToString().Substring(1)
                : (location is Model.ParameterLocation.Query or Model.ParameterLocation.Cookie ? "form" : "simple");
            // OpenAPI: explode defaults to true for form, false for every other style.
            var explode = parameter.Style is null ? style == "form" : parameter.Explode;
            result.Add(new ParameterDef(csharpName, parameter.Name, location, type, required, description, style, explode, _rules.ReadFlat(schema), parameter.Deprecated));
        }
        CheckPathTemplate(path, pointer, result, names);
        // Required parameters first so optional ones can default.
        return result.Where(p => p.Required).Concat(result.Where(p => !p.Required)).ToList();
    }

    // A reference resolves on every property read (OpenAPI.NET does not cache its target): resolve it once per use.
    // The reference's own description (3.1 lets a $ref override it) is read from the reference itself.
    private static IOpenApiParameter Resolved(IOpenApiParameter parameter) =>
        parameter is OpenApiParameterReference { Target: { } target } ? target : parameter;

    private static string? DescriptionOf(IOpenApiParameter written, IOpenApiParameter resolved) =>
        written is OpenApiParameterReference { Reference.Description: { Length: > 0 } own } ? own : resolved.Description;

    // Template names and declared path parameters must match: undeclared ones become required strings, unused ones are dropped.
    // The path is the route the operation is served at: a webhook's or callback's is not its pointer's key.
    private void CheckPathTemplate(string path, string pointer, List<ParameterDef> parameters, NameScope names)
    {
        var template = PathTemplate.Parse(path).Where(s => s.IsParameter).Select(s => s.Text).ToList();
        foreach (var declared in parameters.Where(p => p.In == Model.ParameterLocation.Path).ToList())
        {
            if (template.Contains(declared.WireName)) continue;
            _context.Report(DiagnosticDescriptors.PathParameterNotInTemplate.Id, pointer, declared.WireName, path);
            parameters.Remove(declared);
        }
        foreach (var name in template.Distinct())
        {
            if (parameters.Any(p => p.In == Model.ParameterLocation.Path && p.WireName == name)) continue;
            _context.Report(DiagnosticDescriptors.PathParameterNotDeclared.Id, pointer, path, name);
            parameters.Add(new ParameterDef(names.Claim(Identifier.Camel(name, "value")), name, Model.ParameterLocation.Path, TypeRef.Primitive("string", false), true, null, "simple", false));
        }
    }

    private RequestBodyDef? ReadBody(string operationName, IOpenApiRequestBody? body, string pointer, NameScope names)
    {
        if (body?.Content is not { Count: > 0 } content) return null;
        var (contentType, media) = PickContent(content);
        var kind = MediaTypes.BodyKindOf(contentType);
        var mediaPointer = pointer + "/content/" + JsonPositionMap.Escape(contentType) + "/schema";
        var fields = kind is BodyKind.Form or BodyKind.Multipart ? ReadFormFields(operationName + "Request", media.Schema, mediaPointer, names, kind == BodyKind.Multipart) : null;
        TypeRef? type = kind switch
        {
            _ when fields is not null => null, // flattened: the fields are the parameters
            BodyKind.Json or BodyKind.Form or BodyKind.Multipart => _schemas.Map(media.Schema, operationName + "Request", mediaPointer),
            BodyKind.Text => TypeRef.Primitive("string", false),
            _ => TypeRef.Primitive("global::System.IO.Stream", false),
        };
        return new RequestBodyDef(kind, contentType, type, body.Required, body.Description, fields?.ToEquatableArray() ?? EquatableArray<FormFieldDef>.Empty, kind == BodyKind.Json ? _rules.Read(media.Schema) : null,
            content.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray());
    }

    private List<FormFieldDef>? ReadFormFields(string nameHint, IOpenApiSchema? schema, string pointer, NameScope names, bool multipart)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (multipart && target is not null && (target.Properties?.Count ?? 0) == 0 && IsBinary(target))
        {
            // A multipart body that is one binary value (Jira's attachments) names no part: it travels as one file part
            // named "file", the name such servers read, instead of as a JSON string.
            return new List<FormFieldDef> { new(names.Claim("file"), "file", TypeRef.JsonElement, true, false, true, target.Description) };
        }
        if (target?.Properties is not { Count: > 0 } properties) return null;
        var fields = new List<FormFieldDef>();
        foreach (var pair in properties)
        {
            var required = target.Required?.Contains(pair.Key) == true;
            var property = pair.Value is OpenApiSchemaReference pr && pr.Target is not null ? pr.Target : pair.Value;
            var isArray = ((property.Type ?? 0) & JsonSchemaType.Array) != 0;
            var isFile = IsBinary(isArray ? property.Items : property);
            // File fields carry no model type: the client takes {Client}File, the server IFormFile.
            var type = isFile
                ? TypeRef.JsonElement
                : _schemas.Map(pair.Value, nameHint + Identifier.Pascal(pair.Key, "Field"), pointer + "/properties/" + JsonPositionMap.Escape(pair.Key));
            if (isFile && isArray) type = TypeRef.ArrayOf(type);
            if (!required) type = type.AsNullable();
            fields.Add(new FormFieldDef(names.Claim(Identifier.Camel(pair.Key, "field")), pair.Key, type, isFile, isArray, required, pair.Value.Description, isFile ? null : _rules.ReadFlat(pair.Value)));
        }
        return fields.Where(f => f.Required).Concat(fields.Where(f => !f.Required)).ToList();
    }

    // A binary part: format binary (3.0) or a contentMediaType / contentEncoding (3.1).
    private static bool IsBinary(IOpenApiSchema? schema)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (target is null) return false;
        return target.Format == "binary"
            || target is OpenApiSchema { ContentMediaType: { Length: > 0 } } || target is OpenApiSchema { ContentEncoding: { Length: > 0 } };
    }

    private List<ResponseDef> ReadResponses(string operationName, string method, OpenApiResponses? responses, string pointer)
    {
        var result = new List<ResponseDef>();
        if (responses is null) return result;
        var members = new NameScope();
        foreach (var written in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var pair = new KeyValuePair<string, IOpenApiResponse>(written.Key, _references.Response(written.Value));
            // A $ref's own description (a 3.1 sibling) wins over the component's.
            var description = written.Value is OpenApiResponseReference { Reference.Description: { Length: > 0 } own } ? own : pair.Value.Description;
            var status = pair.Key.ToUpperInvariant() == "DEFAULT" ? "default" : pair.Key.ToUpperInvariant();
            var member = members.Claim(StatusNames.For(status));
            var headers = (pair.Value.Headers ?? new Dictionary<string, IOpenApiHeader>())
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => new HeaderDef(h.Key, h.Value?.Description))
                .ToEquatableArray();
            var responsePointer = pointer + "/" + JsonPositionMap.Escape(pair.Key);
            // A 2.0 response without "schema" has no body, though the reader gives it content (from "produces") without a schema.
            var bodiless = pair.Value.Content?.All(c => c.Value?.Schema is null) == true && !_context.Raw.Has(responsePointer + "/content") && !_context.Raw.Has(responsePointer + "/schema");
            // A response to HEAD never has a body (RFC 9110 9.3.2), whatever content the spec lists for it.
            var isHead = method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);
            if (pair.Value.Content is not { Count: > 0 } content || bodiless || isHead)
            {
                result.Add(new ResponseDef(status, member, null, null, false, description, headers));
                continue;
            }
            var (contentType, media) = PickContent(content);
            var kind = MediaTypes.BodyKindOf(contentType);
            // format: binary is raw bytes whatever media type is named (Vercel documents artifact downloads as JSON so).
            if (kind == BodyKind.Json && _references.Schema(media.Schema)?.Format == "binary") kind = BodyKind.Binary;
            var hint = operationName + (status.StartsWith("2", StringComparison.Ordinal) ? "Response" : StatusNames.For(status) + "Response");
            TypeRef type = kind switch
            {
                BodyKind.Json => _schemas.Map(media.Schema, hint, responsePointer + "/content/" + JsonPositionMap.Escape(contentType) + "/schema"),
                BodyKind.Text => TypeRef.Primitive("string", false),
                _ => TypeRef.Primitive("global::System.IO.Stream", false),
            };
            var shape = ErrorShapeReader.Of(contentType, media.Schema, _references, out var detailMember);
            result.Add(new ResponseDef(status, member, contentType, type, kind == BodyKind.Binary, description, headers, shape, detailMember));
        }
        return result;
    }

    private static (string ContentType, IOpenApiMediaType Media) PickContent(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (var pair in content)
        {
            if (MediaTypes.BodyKindOf(pair.Key) == BodyKind.Json) return (pair.Key, pair.Value);
        }
        var first = content.OrderBy(p => p.Key, StringComparer.Ordinal).First();
        return (first.Key, first.Value);
    }

    private static int MethodRank(string method)
    {
        var index = Array.IndexOf(MethodOrder, method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }
}
