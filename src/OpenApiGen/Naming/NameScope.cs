using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenApiGen.Naming;

/// <summary>Hands out unique names within one C# scope; a taken name gets the lowest free numeric suffix.</summary>
public sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null) =>
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    public string Claim(string name)
    {
        var candidate = name;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
