using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using OpenApiGen.Diagnostics;

namespace OpenApiGen.Reading;

/// <summary>
/// OpenApiInclude / OpenApiExclude: which operations generate. Each is a ';'- or ','-separated list of patterns
/// <c>tag:Name</c>, <c>path:/api/conversations/**</c> or <c>operation:operationId</c>. An operation is kept when the
/// include list is empty or one of its patterns matches, and no exclude pattern matches. In every pattern <c>*</c>
/// matches within one path segment and <c>**</c> across segments; names compare ordinally, as the spec writes them.
/// </summary>
public sealed class OperationFilter
{
    private readonly List<Pattern> _include;
    private readonly List<Pattern> _exclude;

    private OperationFilter(List<Pattern> include, List<Pattern> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <remarks>A list set for the whole project is meant for several specs: its patterns may match nothing in this one.</remarks>
    public static OperationFilter Read(Model.SpecInput input, ReadContext context) =>
        new(Parse(input.Include, "OpenApiInclude", input.IncludeFromProject, input.Path, context), Parse(input.Exclude, "OpenApiExclude", input.ExcludeFromProject, input.Path, context));

    public bool Keeps(string path, string? operationId, IEnumerable<string> tags)
    {
        var tagList = tags as IReadOnlyCollection<string> ?? tags.ToList();
        // Every pattern is tried, so each learns whether it matched something (an unmatched one is reported).
        var included = _include.Count == 0;
        foreach (var pattern in _include) included |= pattern.Matches(path, operationId, tagList);
        var excluded = false;
        foreach (var pattern in _exclude) excluded |= pattern.Matches(path, operationId, tagList);
        return included && !excluded;
    }

    /// <summary>A pattern that matched no operation of the spec is a typo or a stale filter: say which.</summary>
    public void ReportUnmatched(string specPath, ReadContext context)
    {
        foreach (var pattern in _include.Concat(_exclude).Where(p => !p.Matched && !p.FromProject))
        {
            context.Report(DiagnosticDescriptors.FilterMatchesNothing.Id, null, pattern.Text, pattern.Option, specPath);
        }
    }

    private static List<Pattern> Parse(string? raw, string option, bool fromProject, string specPath, ReadContext context)
    {
        var patterns = new List<Pattern>();
        foreach (var text in (raw ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var colon = text.IndexOf(':');
            var kind = colon < 0 ? "" : text.Substring(0, colon).Trim();
            var glob = colon < 0 ? "" : text.Substring(colon + 1).Trim();
            if (glob.Length == 0 || !(kind == "tag" || kind == "path" || kind == "operation"))
            {
                context.Report(DiagnosticDescriptors.UnknownMetadata.Id, null, text, option, specPath, "tag:Name, path:/glob/** or operation:operationId separated by ';'");
                continue;
            }
            patterns.Add(new Pattern(text, option, kind, Glob(glob)) { FromProject = fromProject });
        }
        return patterns;
    }

    // "*" stays within a path segment, "**" crosses segments; everything else is literal.
    private static Regex Glob(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (glob[i] == '*') regex.Append("[^/]*");
            else regex.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private sealed class Pattern(string text, string option, string kind, Regex regex)
    {
        public string Text { get; } = text;

        public string Option { get; } = option;

        public bool Matched { get; private set; }

        public bool FromProject { get; init; }

        public bool Matches(string path, string? operationId, IReadOnlyCollection<string> tags)
        {
            var matches = kind switch
            {
                "tag" => tags.Any(regex.IsMatch),
                "path" => regex.IsMatch(path),
                _ => operationId is not null && regex.IsMatch(operationId),
            };
            Matched |= matches;
            return matches;
        }
    }
}
