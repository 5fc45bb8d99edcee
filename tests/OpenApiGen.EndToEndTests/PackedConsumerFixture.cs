namespace OpenApiGen.EndToEndTests;

/// <summary>
/// The seed operation (specs/openhands-delete-conversation.json) with the consumer in ConsumerApp/: packed package →
/// temp Sdk.Web consumer → Kestrel on a free loopback port, READY.
/// </summary>
public sealed class PackedConsumerFixture : PackedConsumerFixtureBase
{
    protected override string SpecPath => RepoLayout.SeedSpec;

    protected override string ConsumerAppFolder => "ConsumerApp";
}
