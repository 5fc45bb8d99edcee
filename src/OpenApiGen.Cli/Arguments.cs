namespace OpenApiGen.Cli;

/// <summary>Positional arguments and <c>--name value</c> / <c>-o value</c> options, nothing more.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public string? this[string name] => _options.TryGetValue(name, out var value) ? value : null;

    public IEnumerable<string> OptionNames => _options.Keys;

    public static Arguments Parse(IEnumerable<string> args)
    {
        var result = new Arguments();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith('-') && i + 1 < list.Count)
            {
                result._options[arg == "-o" ? "--output" : arg] = list[++i];
            }
            else
            {
                result.Positional.Add(arg);
            }
        }
        return result;
    }
}

internal static class Usage
{
    public static int Print(int exitCode = 2)
    {
        Console.Error.WriteLine("""
            usage:
              openapigen generate <spec> -o <dir> [--namespace N] [--client-name C] [--generate Client,Server,Models] [--include P,P] [--exclude P,P]
              openapigen check <spec>
              openapigen download <http or https url> -o <file>
            """);
        return exitCode;
    }
}
