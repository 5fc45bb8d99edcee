namespace OpenApiGen.Model;

/// <summary>A diagnostic as data: catalogue ID, message arguments and where in the spec it applies.</summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, LocationInfo? Location);
