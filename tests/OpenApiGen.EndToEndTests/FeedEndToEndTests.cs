namespace OpenApiGen.EndToEndTests;

/// <summary>
/// specs/ticker.yaml with OpenApiGenerate Client;MinimalApi;Webhooks;Models, in FeedConsumerApp/: the app serves its
/// streams and sends its callbacks and webhook with the generated code, and receives them with the generated receivers.
/// </summary>
public class FeedConsumerFixture : PackedConsumerFixtureBase
{
    protected override string SpecPath => Path.Combine(RepoLayout.Root, "specs", "ticker.yaml");

    protected override IReadOnlyList<(string Source, string FileName, string Namespace)> Specs => [(SpecPath, "ticker.yaml", "Ticker.Api")];

    protected override string ConsumerAppFolder => "FeedConsumerApp";

    protected override string Generate => "Client;MinimalApi;Webhooks;Models";
}

/// <summary>The same app published with Native AOT: the native executable streams, sends and receives.</summary>
public sealed class NativeFeedConsumerFixture : FeedConsumerFixture
{
    protected override string ExtraProperties => "<InvariantGlobalization>true</InvariantGlobalization>";

    protected override bool PublishNative => true;

    protected override string? SkipReason => NativeAotFactAttribute.Clang is null ? "no clang on the PATH: `dotnet cake --target=Test` installs clang and zlib1g-dev with apt-get" : null;
}

/// <summary>Issue 12 from the packed package: streaming (NDJSON, server-sent events, cancellation), callbacks and webhooks.</summary>
public sealed class FeedEndToEndTests(FeedConsumerFixture fixture, ITestOutputHelper output)
    : FeedEndToEndTestsBase<FeedConsumerFixture>(fixture, output), IClassFixture<FeedConsumerFixture>
{
    [Fact]
    public void The_consumer_builds_without_warnings_from_generated_code()
    {
        Fixture.EnsureReady(Output);
        var warnings = Fixture.Build!.Output.Split('\n').Where(l => l.Contains(": warning", StringComparison.Ordinal) && l.Contains("OpenApiGen", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
        var generated = Directory.GetFiles(Fixture.GeneratedDirectory, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("Ticker.Api.TickerWebhookSender.g.cs", generated);
        Assert.Contains("Ticker.Api.WebhooksHandlerBase.g.cs", generated);
        Assert.Contains("Ticker.Api.CallbacksHandlerBase.g.cs", generated);
        Assert.Contains("OpenApiGen.Runtime.Streams.g.cs", generated);
        Assert.Contains("OpenApiGen.Runtime.StreamResults.g.cs", generated);
    }

    [Fact]
    public void Streams_arrive_item_by_item_and_cancellation_stops_the_server() => AssertStreams();

    [Fact]
    public void Callbacks_and_webhooks_are_sent_and_received_by_the_generated_code() => AssertNotifications();
}

/// <summary>The same, from the Native AOT executable; its publish has no trim or AOT warning.</summary>
public sealed partial class NativeFeedEndToEndTests(NativeFeedConsumerFixture fixture, ITestOutputHelper output)
    : FeedEndToEndTestsBase<NativeFeedConsumerFixture>(fixture, output), IClassFixture<NativeFeedConsumerFixture>
{
    [NativeAotFact]
    public void The_native_publish_has_no_trim_or_aot_warnings()
    {
        Fixture.EnsureReady(Output);
        var warnings = Fixture.Publish!.Output.Split('\n').Where(l => TrimOrAotWarning().IsMatch(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        Output.WriteLine($"trim/AOT warnings in the publish: {warnings.Count}");
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
    }

    [NativeAotFact]
    public void Streams_arrive_item_by_item_and_cancellation_stops_the_native_server() => AssertStreams();

    [NativeAotFact]
    public void Callbacks_and_webhooks_are_sent_and_received_by_the_native_code() => AssertNotifications();

    [System.Text.RegularExpressions.GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial System.Text.RegularExpressions.Regex TrimOrAotWarning();
}

public abstract class FeedEndToEndTestsBase<TFixture>(TFixture fixture, ITestOutputHelper output)
    where TFixture : PackedConsumerFixtureBase
{
    protected TFixture Fixture => fixture;

    protected ITestOutputHelper Output => output;

    protected void AssertStreams()
    {
        var results = Results();
        Assert.Equal("1:t1,2:t2,3:t3", results["ndjson"]);
        // The handler's last tick waited for the client to have the first: it did not wait in vain.
        Assert.Equal("False", results["ndjson-last-waited-in-vain"]);
        Assert.Equal("tick/e1/1,tick/e2/2,tick/e3/3", results["sse"]);
        Assert.Equal("cancelled after 2", results["cancel-client"]);
        Assert.Equal("True", results["cancel-server-stopped"]);
        Assert.Equal("422", results["invalid-status"]);
    }

    protected void AssertNotifications()
    {
        var results = Results();
        Assert.Equal("sub-1", results["subscription"]);
        Assert.Equal("1,2,3", results["callbacks"]);
        Assert.Equal("204,204,204", results["callback-statuses"]);
        Assert.Equal("200", results["webhook-status"]);
        Assert.Equal("done", results["webhook-received"]);
        // An empty reason breaks the payload's minLength: the receiver answers 400 and its handler is not called.
        Assert.Equal("400", results["webhook-invalid-status"]);
        Assert.Equal("done", results["webhook-received-after-invalid"]);
    }

    private Dictionary<string, string> Results()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);
        foreach (var failure in fixture.StartupOutput.Where(l => l.StartsWith("STEP-FAILED", StringComparison.Ordinal))) output.WriteLine(failure);
        Assert.Equal("0", results["step-failures"]);
        return results;
    }
}
