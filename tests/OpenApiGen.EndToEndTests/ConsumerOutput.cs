using System.Text.RegularExpressions;

namespace OpenApiGen.EndToEndTests;

/// <summary>Reads what a consumer app prints: its RESULT lines and build-output error markers.</summary>
internal static partial class ConsumerOutput
{
    /// <summary>"RESULT name=value" lines as a dictionary (the last value wins).</summary>
    public static Dictionary<string, string> ParseResults(IEnumerable<string> lines)
    {
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var match = ResultLine().Match(line);
            if (match.Success)
            {
                results[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }
        return results;
    }

    [GeneratedRegex(@"^RESULT ([\w-]+)=(.*)$")]
    private static partial Regex ResultLine();

    [GeneratedRegex(@"\berror\b")]
    public static partial Regex ErrorWord();

    [GeneratedRegex(@"error\s+OAG\d+", RegexOptions.IgnoreCase)]
    public static partial Regex OagError();
}
