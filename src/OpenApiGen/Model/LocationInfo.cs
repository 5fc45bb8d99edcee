namespace OpenApiGen.Model;

/// <summary>A position inside a spec file as plain values; rebuilt into a Roslyn Location only when reported.</summary>
public sealed record LocationInfo(string FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn);
