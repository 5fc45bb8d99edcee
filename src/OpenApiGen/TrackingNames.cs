namespace OpenApiGen;

/// <summary>Names of the tracked pipeline steps, used by the incrementality tests.</summary>
public static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string Features = nameof(Features);
    public const string Specs = nameof(Specs);
    public const string Diagnostics = nameof(Diagnostics);
    public const string RenderUnits = nameof(RenderUnits);
    public const string RuntimeParts = nameof(RuntimeParts);
    public const string Overlays = nameof(Overlays);
}
