namespace OpenApiGen.EndToEndTests;

/// <summary>
/// openhands.json and stripe.json through the packed package into a consumer built with IsAotCompatible=true (trim and
/// AOT analyzers on) and reflection-based System.Text.Json switched off, as native AOT would have it. Consumer sources:
/// AotConsumerApp/Program.cs plus OpenHandsConsumerApp/Controllers.cs for the generated controllers.
/// </summary>
public sealed class AotConsumerFixture : PackedConsumerFixtureBase
{
    public static string StripeSpec => Path.GetFullPath(Path.Combine(RepoLayout.Root, "..", "shared", "specs", "stripe.json"));

    protected override string SpecPath => RepoLayout.OpenHandsSpec;

    protected override IReadOnlyList<(string Source, string FileName, string Namespace)> Specs =>
        [(RepoLayout.OpenHandsSpec, "openhands.json", "OpenHands.Api"), (StripeSpec, "stripe.json", "Stripe.Api")];

    protected override string ExtraProperties =>
        "<IsAotCompatible>true</IsAotCompatible><JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>";

    protected override string ConsumerAppFolder => "AotConsumerApp";

    protected override IReadOnlyList<string> ExtraSources => [Path.Combine(AppContext.BaseDirectory, "OpenHandsConsumerApp", "Controllers.cs")];

    protected override TimeSpan ReadyTimeout => TimeSpan.FromSeconds(120);

    protected override string? SkipReason => AotFactAttribute.SkipReason;
}

/// <summary>A fact reported as skipped, never passed, when the shared specs are absent.</summary>
public sealed class AotFactAttribute : FactAttribute
{
    public AotFactAttribute()
    {
        Skip = SkipReason;
    }

    public static string? SkipReason => File.Exists(RepoLayout.OpenHandsSpec) && File.Exists(AotConsumerFixture.StripeSpec)
        ? null
        : $"{RepoLayout.OpenHandsSpec} or {AotConsumerFixture.StripeSpec} is absent: the AOT end-to-end test cannot run here.";
}

public sealed class AotConsumerTests(AotConsumerFixture fixture, ITestOutputHelper output) : IClassFixture<AotConsumerFixture>
{
    [AotFact]
    public void Generated_code_has_no_trim_or_AOT_warnings()
    {
        fixture.EnsureReady(output);
        var lines = fixture.Build!.Output.Split('\n').Select(l => l.TrimEnd('\r')).Distinct(StringComparer.Ordinal).ToList();
        var trimWarnings = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"warning IL[23]\d{3}")).ToList();
        var fromGenerated = trimWarnings.Where(l => l.Contains("OpenApiGen.OpenApiGenerator", StringComparison.Ordinal)).ToList();
        output.WriteLine($"IL2xxx/IL3xxx warnings: {trimWarnings.Count} in total (the consumer's own code included), {fromGenerated.Count} from generated code");
        foreach (var line in trimWarnings) output.WriteLine("  " + line.Trim());
        Assert.True(fromGenerated.Count == 0, "Trim/AOT warnings in generated code:" + Environment.NewLine + string.Join(Environment.NewLine, fromGenerated));
        var generatedCompilerWarnings = lines.Where(l => l.Contains(": warning CS", StringComparison.Ordinal) && l.Contains("OpenApiGen.OpenApiGenerator", StringComparison.Ordinal)).ToList();
        Assert.True(generatedCompilerWarnings.Count == 0, "Compiler warnings in generated code:" + Environment.NewLine + string.Join(Environment.NewLine, generatedCompilerWarnings));

        // The analyzers saw the generated code of both specs, resolvers included.
        var generated = Directory.GetFiles(fixture.GeneratedDirectory, "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("OpenHands.Api.OpenHandsJsonContext.g.cs", generated);
        Assert.Contains("Stripe.Api.StripeApiJsonContext.g.cs", generated);
        Assert.True(generated.Count(n => n!.StartsWith("Stripe.Api.Models.", StringComparison.Ordinal)) > 1000, "Stripe models are missing.");
    }

    [AotFact]
    public void Payloads_travel_through_the_generated_metadata_with_reflection_off()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);
        foreach (var line in fixture.StartupOutput) output.WriteLine(line);
        Assert.DoesNotContain(fixture.StartupOutput, l => l.StartsWith("STEP-FAILED", StringComparison.Ordinal));
        Assert.Equal("False", results["reflection-enabled"]);
        // OpenHands: generated client → generated controllers (MVC with the generated resolver) → generated client.
        Assert.Equal("True", results["conversation-created"]);
        Assert.Equal("1", results["conversation-count"]);
        Assert.Equal("True", results["conversation-deleted"]);
        // Stripe: a customer read through the generated union and records, then written back unchanged.
        Assert.Equal("cus_1", results["customer-id"]);
        Assert.Equal("Berlin", results["customer-city"]);
        Assert.Equal("gold", results["customer-tier"]);
        Assert.Equal("de,en", results["customer-locales"]);
        Assert.Equal("True", results["customer-round-trip"]);
    }
}
