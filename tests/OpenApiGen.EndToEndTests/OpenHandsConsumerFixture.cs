namespace OpenApiGen.EndToEndTests;

/// <summary>
/// The whole OpenHands spec (../shared/specs/openhands.json) with the consumer in OpenHandsConsumerApp/: every generated
/// controller base implemented over an in-memory store, driven through the generated client before READY.
/// Skipped (no pack, no build) when the shared specs folder is absent.
/// </summary>
public sealed class OpenHandsConsumerFixture : PackedConsumerFixtureBase
{
    protected override string SpecPath => RepoLayout.OpenHandsSpec;

    protected override string ConsumerAppFolder => "OpenHandsConsumerApp";

    protected override TimeSpan ReadyTimeout => TimeSpan.FromSeconds(120);

    protected override string? SkipReason => OpenHandsFactAttribute.SkipReason;
}

/// <summary>
/// The same consumer built with MINIMAL_API against the generated minimal-API endpoints (OpenApiGenerate
/// Client;MinimalApi;Models, WebApplication.CreateSlimBuilder, no MVC) instead of the controller bases.
/// </summary>
public class MinimalApiConsumerFixture : PackedConsumerFixtureBase
{
    protected override string SpecPath => RepoLayout.OpenHandsSpec;

    protected override string ConsumerAppFolder => "OpenHandsConsumerApp";

    protected override string Generate => "Client;MinimalApi;Models";

    // Microsoft.AspNetCore.OpenApi serves the app's own document, which a test holds against the spec.
    protected override string ExtraProperties => "<DefineConstants>$(DefineConstants);MINIMAL_API;OPENAPI_DOCUMENT</DefineConstants>";

    protected override string ExtraItems => """<PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="10.0.12" />""";

    protected override TimeSpan ReadyTimeout => TimeSpan.FromSeconds(120);

    protected override string? SkipReason => OpenHandsFactAttribute.SkipReason;
}

/// <summary>
/// The minimal-API consumer published with Native AOT (<c>PublishAot</c>, clang as the linker): the native executable is
/// what serves and drives the API, without the OpenAPI document. Skipped when the spec or a clang is absent.
/// </summary>
public sealed class NativeMinimalApiConsumerFixture : MinimalApiConsumerFixture
{
    protected override string ExtraProperties => "<DefineConstants>$(DefineConstants);MINIMAL_API</DefineConstants><InvariantGlobalization>true</InvariantGlobalization>";

    protected override string ExtraItems => "";

    protected override bool PublishNative => true;

    protected override string? SkipReason => NativeOpenHandsFactAttribute.SkipReasonFor();
}

/// <summary>Skipped when ../shared/specs/openhands.json or a clang (the NativeAOT linker driver) is absent.</summary>
public sealed class NativeOpenHandsFactAttribute : FactAttribute
{
    public NativeOpenHandsFactAttribute()
    {
        Skip = SkipReasonFor();
    }

    public static string? SkipReasonFor() => OpenHandsFactAttribute.SkipReason
        ?? (NativeAotFactAttribute.Clang is null ? "no clang on the PATH: `dotnet cake --target=Test` installs clang and zlib1g-dev with apt-get" : null);
}

/// <summary>A fact that is reported as skipped, never passed, when ../shared/specs/openhands.json is absent.</summary>
public sealed class OpenHandsFactAttribute : FactAttribute
{
    public OpenHandsFactAttribute()
    {
        Skip = SkipReason;
    }

    public static string? SkipReason => File.Exists(RepoLayout.OpenHandsSpec)
        ? null
        : $"{RepoLayout.OpenHandsSpec} is absent: the full-spec end-to-end test cannot run here.";
}
