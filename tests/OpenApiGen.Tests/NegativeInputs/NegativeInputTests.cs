using System.Text;
using Xunit.Abstractions;

namespace OpenApiGen.Tests.NegativeInputs;

/// <summary>Issue 9, B.3 over real specs (see <see cref="NegativeInputDriver"/>); each spec's summary goes to the output and to artifacts/test-results/negative-inputs.md.</summary>
public class NegativeInputTests(ITestOutputHelper output)
{
    private static readonly object Gate = new();

    public static TheoryData<string> Specs() => new(NegativeSpec.All.Select(s => s.File));

    [SharedSpecsTheory]
    [MemberData(nameof(Specs))]
    public async Task Every_operation_answers_one_broken_constraint_with_its_documented_error_and_accepts_valid_input(string file)
    {
        var result = await NegativeInputDriver.RunAsync(NegativeSpec.All.Single(s => s.File == file));
        output.WriteLine(Header + result.Row);
        foreach (var failure in result.Failures) output.WriteLine(failure);
        Report(result);
        Assert.True(result.Valid > 0 && result.Mutations > 0, "nothing was checked");
        Assert.True(result.Failures.Count == 0, result.Failures.Count + " failures:\n" + string.Join("\n", result.Failures.Take(40)));
    }

    private const string Header = "| spec | operations | valid accepted | boundary-valid requests | mutations | replies by status | failures | mutations by kind |\n|---|---|---|---|---|---|---|---|\n";

    private static void Report(NegativeResult result)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results");
        Directory.CreateDirectory(directory);
        lock (Gate)
        {
            var table = Path.Combine(directory, "negative-inputs.md");
            if (!File.Exists(table)) File.WriteAllText(table, Header, Encoding.UTF8);
            File.AppendAllText(table, result.Row + "\n", Encoding.UTF8);
            File.AppendAllText(Path.Combine(directory, "negative-inputs-failures.md"), "## " + result.Spec + "\n" + (result.Failures.Count == 0 ? "none\n" : string.Join("\n", result.Failures) + "\n") + "\n", Encoding.UTF8);
        }
    }
}
