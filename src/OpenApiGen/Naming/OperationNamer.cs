using System;
using System.Linq;

namespace OpenApiGen.Naming;

/// <summary>Names operations and groups from operationIds, paths and tags.</summary>
public static class OperationNamer
{
    /// <summary>
    /// Method name for an operation. Generators such as FastAPI append the path and method to the operationId
    /// (<c>delete_conversation_api_conversations__conversation_id__delete</c>); that suffix is redundant in a
    /// typed client, so it is dropped whenever the operationId ends with its own sanitized path and method.
    /// </summary>
    public static string MethodName(string? operationId, string method, string path)
    {
        if (string.IsNullOrWhiteSpace(operationId)) return FromPath(method, path);
        var id = operationId!;
        var suffix = Sanitize(path) + "_" + method.ToLowerInvariant();
        if (id.Length > suffix.Length && id.EndsWith(suffix, StringComparison.Ordinal))
        {
            id = id.Substring(0, id.Length - suffix.Length);
        }
        return Identifier.Pascal(id, FromPath(method, path));
    }

    /// <summary>Group of an operation: its first tag, else the first path segment that is not a prefix like "api" or "v1".</summary>
    public static string GroupName(string? firstTag, string path)
    {
        if (!string.IsNullOrWhiteSpace(firstTag)) return Identifier.Pascal(firstTag!, "Default");
        var segment = path.Split('/')
            .Where(s => s.Length > 0 && !s.StartsWith("{", StringComparison.Ordinal))
            .FirstOrDefault(s => !IsPrefixSegment(s));
        return segment is null ? "Default" : Identifier.Pascal(segment, "Default");
    }

    private static bool IsPrefixSegment(string segment) =>
        segment.Equals("api", StringComparison.OrdinalIgnoreCase)
        || (segment.Length >= 2 && (segment[0] == 'v' || segment[0] == 'V') && segment.Skip(1).All(char.IsDigit));

    private static string FromPath(string method, string path) =>
        Identifier.Pascal(method.ToLowerInvariant() + " " + path, "Operation");

    // FastAPI's rule: every non-word character becomes "_".
    private static string Sanitize(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
}
