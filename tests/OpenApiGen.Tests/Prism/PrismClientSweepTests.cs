using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenApiGen.Model;
using Xunit.Abstractions;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// Issue 9 B.1: an outside validator. For each real spec, the generated client calls every operation against Stoplight
/// Prism (`prism mock -d`, 3 dynamic calls and 1 static call each) with arguments from the spec's examples or sampled
/// from its schemas. Prism must accept every request and the client must read every response. Writes a table per spec
/// to the test output and to artifacts/test-results/prism.md. The specs are split over two test classes so that xUnit
/// runs two sweeps at once (generation and compilation are CPU-bound, Prism is one node process).
/// stripe.json is left out: Prism 5.16.0 did not finish loading it in 12 minutes (measured on this project's CI
/// machine size); twilio-messaging-v1.yaml and oai-v2-petstore.json take its place.
/// </summary>
public abstract class PrismClientSweepTests(ITestOutputHelper output)
{
    /// <summary>github-api.json: every third operation (in "METHOD path" order) keeps the sweep short.</summary>
    private static readonly Dictionary<string, int> OperationStride = new() { ["github-api.json"] = 3 };

    /// <summary>Prism loads github-api.json in about 30 s on an idle 2-core machine, but took over 3 minutes under load.</summary>
    private static readonly TimeSpan PrismStartupLimit = TimeSpan.FromMinutes(10);

    protected async Task SweepAsync(string name)
    {
        var specPath = Path.Combine(TestPaths.SharedSpecs, name);
        var watch = Stopwatch.StartNew();
        var samples = await OperationSamples.CreateAsync(specPath);
        using var generated = GeneratedClient.Create(specPath);
        var prepareTime = watch.Elapsed;
        watch.Restart();
        await using var sweep = new ClientSweep(generated, samples, () => PrismServer.MockAsync(specPath, PrismStartupLimit));
        var outcomes = await sweep.RunAsync(Select(name, generated.Spec));
        var sweepTime = watch.Elapsed;

        var operations = outcomes.Select(o => o.Operation).Distinct().Count();
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {operations} | {outcomes.Count} | {outcomes.Count(o => o.Accepted)} | {outcomes.Count(o => o.Read)} | {prepareTime.TotalSeconds:0.0} | {sweep.Startups[0].TotalSeconds:0.0}{(sweep.Startups.Count > 1 ? " (+" + (sweep.Startups.Count - 1) + " restarts)" : "")} | {sweepTime.TotalSeconds:0.0} |");
        output.WriteLine(Header);
        output.WriteLine(row);
        var failures = outcomes.Where(o => o.Failure is not null).ToList();
        var unexplained = failures.Where(f => KnownCauses.Explain(name, f) is null).ToList();
        var listing = Listing(name, failures) + ExampleNotes(outcomes);
        output.WriteLine(listing);
        PrismReport.Append(row, name, listing);

        Assert.Equal(operations * 4, outcomes.Count); // every selected operation was called, 3 dynamic + 1 static
        if (OpenDefects.TryGetValue(name, out var open))
        {
            // Not a pass: this spec still hits open generator defects (issue 9). Its failures are listed above and in
            // artifacts/test-results/prism.md; the spec gates again once it is taken off this list.
            output.WriteLine("OPEN (not gating): " + unexplained.Count + " unexplained failures; " + open);
            return;
        }
        Assert.True(unexplained.Count == 0, unexplained.Count + " of " + outcomes.Count + " calls failed without a known cause:\n" + Listing(name, unexplained));
    }

    /// <summary>
    /// Specs whose sweep still finds generator defects nobody has fixed yet, each with what remains. They are swept and
    /// reported on every run, but do not fail it; every other spec must reach 100% (or a proven known cause).
    /// </summary>
    private static readonly Dictionary<string, string> OpenDefects = new(StringComparer.Ordinal)
    {
        // Empty: every swept spec gates. pagerduty's last defect (Channel.details typed by its first branch) is fixed.
    };

    private const string Header = "| spec | operations | calls | requests accepted | responses read | generate+compile s | prism startup s | sweep s (incl. startup) |";

    private static IEnumerable<(OperationGroup, OperationDef)> Select(string name, ApiSpec spec)
    {
        var all = spec.Groups.SelectMany(g => g.Operations.Select(o => (Group: g, Operation: o)))
            .OrderBy(x => x.Operation.Method + " " + x.Operation.Path, StringComparer.Ordinal).ToList();
        var stride = OperationStride.GetValueOrDefault(name, 1);
        return all.Where((_, i) => i % stride == 0);
    }

    /// <summary>Candidates Prism refused (the spec's example, or a sample) before a later one went through: worth a look, not failures.</summary>
    private static string ExampleNotes(IEnumerable<CallOutcome> outcomes)
    {
        var notes = outcomes.Where(o => o.ExampleRefused is not null).GroupBy(o => (o.Operation, o.ExampleRefused)).ToList();
        return notes.Count == 0 ? "" : "first candidates refused by Prism (a later candidate was accepted):\n" + string.Join("\n", notes.Select(n => "- " + n.Key.Operation + " " + n.Key.ExampleRefused)) + "\n";
    }

    /// <summary>An unexplained failure's body as received (cut short), to reproduce it without Prism.</summary>
    private static string Received(CallOutcome failure) =>
        failure.ReceivedBody is { } body ? " | received " + failure.ReceivedMediaType + ": " + (body.Length <= 20000 ? body : body[..20000] + "…") : "";

    /// <summary>Every distinct failure once, with how many calls hit it and its known cause when there is one.</summary>
    private static string Listing(string name, IEnumerable<CallOutcome> failures)
    {
        var text = new StringBuilder();
        foreach (var group in failures.GroupBy(f => (f.Operation, f.Failure)).OrderBy(g => g.Key.Operation, StringComparer.Ordinal))
        {
            var cause = KnownCauses.Explain(name, group.First());
            text.Append("- ").Append(group.Key.Operation).Append(" [").Append(string.Join(",", group.Select(g => g.Mode).Distinct())).Append(" ×").Append(group.Count()).Append("] ")
                .Append(group.Key.Failure).AppendLine(cause is null ? Received(group.First()) : " — known cause: " + cause);
        }
        return text.ToString();
    }
}

public class PrismClientSweepLargeSpecsTests(ITestOutputHelper output) : PrismClientSweepTests(output)
{
    public static TheoryData<string> Specs() =>
        ["github-api.json", "jira-platform-v3.json", "asana.yaml", "docker-engine.yaml", "redocly-museum.yaml", "oai-v2-petstore.json"];

    [PrismTheory]
    [MemberData(nameof(Specs))]
    public Task Generated_client_calls_every_operation_through_prism(string name) => SweepAsync(name);
}

public class PrismClientSweepOtherSpecsTests(ITestOutputHelper output) : PrismClientSweepTests(output)
{
    public static TheoryData<string> Specs() =>
        ["vercel.json", "pagerduty.json", "openhands.json", "openhands-cloud.json", "twilio-api-v2010.json", "twilio-messaging-v1.yaml", "oai-v3-link-example.yaml"];

    [PrismTheory]
    [MemberData(nameof(Specs))]
    public Task Generated_client_calls_every_operation_through_prism(string name) => SweepAsync(name);
}

/// <summary>Runs only where the shared specs and the npm-installed Prism are present (dotnet cake --target=Test installs it).</summary>
public sealed class PrismTheoryAttribute : TheoryAttribute
{
    public PrismTheoryAttribute()
    {
        if (!Directory.Exists(TestPaths.SharedSpecs)) Skip = "../shared/specs is absent: the Prism sweep cannot run here.";
        else if (!PrismServer.IsInstalled) Skip = "Prism is not installed in tests/prism/node_modules: run `dotnet cake --target=PrismInstall`.";
    }
}
