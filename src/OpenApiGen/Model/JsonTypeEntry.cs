namespace OpenApiGen.Model;

/// <summary>How the generated JSON resolver builds the metadata for one runtime type.</summary>
public enum JsonShape
{
    /// <summary>A generated object record: its own CreateJsonTypeInfo.</summary>
    Object,
    /// <summary>A generated union or open enum: a value with its generated converter (<see cref="JsonTypeEntry.Argument"/>).</summary>
    Converter,
    /// <summary>A built-in value: <see cref="JsonTypeEntry.Argument"/> names the JsonMetadataServices converter.</summary>
    Value,
    /// <summary>Nullable&lt;T&gt;; <see cref="JsonTypeEntry.Argument"/> is T.</summary>
    Nullable,
    /// <summary>IReadOnlyList&lt;T&gt;; <see cref="JsonTypeEntry.Argument"/> is T.</summary>
    List,
    /// <summary>IReadOnlyDictionary&lt;string, T&gt;; <see cref="JsonTypeEntry.Argument"/> is T.</summary>
    Map,
}

/// <summary>One type the generated JSON resolver knows: its C# runtime type (no reference nullability) and how to build it.</summary>
public sealed record JsonTypeEntry(string TypeName, JsonShape Shape, string Argument);
