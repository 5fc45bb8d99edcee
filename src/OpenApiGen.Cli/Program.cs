// openapigen: generate | check | download. Exit codes: 0 success, 1 errors in the spec (or a failed download), 2 usage.
using OpenApiGen.Cli;

return args.Length == 0 ? Usage.Print() : args[0] switch
{
    "generate" => await Commands.GenerateAsync(Arguments.Parse(args.Skip(1))),
    "check" => Commands.Check(Arguments.Parse(args.Skip(1))),
    "download" => await Commands.DownloadAsync(Arguments.Parse(args.Skip(1))),
    "-h" or "--help" or "help" => Usage.Print(0),
    _ => Usage.Print(),
};
