using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiGen.Model;

namespace OpenApiGen.Diagnostics;

/// <summary>Turns pipeline <see cref="DiagnosticInfo"/> values back into Roslyn diagnostics at report time.</summary>
public static class DiagnosticFactory
{
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.Location is { } l
            ? Location.Create(
                l.FilePath,
                default(TextSpan),
                new LinePositionSpan(new LinePosition(l.StartLine, l.StartColumn), new LinePosition(l.EndLine, l.EndColumn)))
            : Location.None;
        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.MessageArgs.AsArray());
    }
}
