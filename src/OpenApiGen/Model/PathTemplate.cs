using System.Collections.Generic;

namespace OpenApiGen.Model;

/// <summary>Splits "/a/{id}/b" into literal text and parameter names; the leading slash is dropped (paths join a base address).</summary>
public static class PathTemplate
{
    public readonly record struct Segment(string Text, bool IsParameter);

    public static List<Segment> Parse(string path)
    {
        var result = new List<Segment>();
        var text = path.TrimStart('/');
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                result.Add(new Segment(text.Substring(i), false));
                break;
            }
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                result.Add(new Segment(text.Substring(i), false));
                break;
            }
            if (open > i) result.Add(new Segment(text.Substring(i, open - i), false));
            result.Add(new Segment(text.Substring(open + 1, close - open - 1), true));
            i = close + 1;
        }
        return result;
    }
}
