using System.Text.RegularExpressions;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// Issue 12: the whole OpenHands API served by the generated minimal-API endpoints from a Native AOT executable (no JIT,
/// no MVC), driven by the generated client inside the same executable, then checked with the same assertions as the
/// JIT servers. The publish itself must carry no trim or AOT warning from generated code.
/// </summary>
public sealed partial class NativeAotEndToEndTests(NativeMinimalApiConsumerFixture fixture, ITestOutputHelper output)
    : IClassFixture<NativeMinimalApiConsumerFixture>
{
    private readonly Shared _shared = new(fixture, output);

    [NativeOpenHandsFact]
    public void The_minimal_api_server_publishes_natively_without_trim_or_aot_warnings_from_generated_code()
    {
        fixture.EnsureReady(output);
        var publish = fixture.Publish!;
        Assert.Equal(0, publish.ExitCode);
        var warnings = publish.Output.Split('\n').Where(l => TrimOrAotWarning().IsMatch(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        output.WriteLine($"trim/AOT warnings in the publish: {warnings.Count}");
        foreach (var warning in warnings) output.WriteLine(warning);
        var fromGenerated = warnings.Where(w => w.Contains("OpenApiGen", StringComparison.Ordinal)).ToList();
        Assert.True(fromGenerated.Count == 0, "Trim/AOT warnings from generated code:" + Environment.NewLine + string.Join(Environment.NewLine, fromGenerated));
        Assert.Empty(warnings);
    }

    [NativeOpenHandsFact]
    public void Generated_client_drives_every_operation_against_the_native_server() =>
        _shared.Generated_client_drives_every_operation_against_the_generated_server();

    [NativeOpenHandsFact]
    public void Every_operation_reached_its_native_handler_and_answered_a_documented_status() =>
        _shared.Every_operation_in_the_spec_reached_its_controller_and_answered_a_documented_status();

    [NativeOpenHandsFact]
    public Task Plain_http_health_is_anonymous_and_the_rest_needs_the_key() =>
        _shared.Plain_http_health_is_anonymous_and_the_rest_needs_the_key();

    [NativeOpenHandsFact]
    public Task Plain_http_conversation_with_multipart_upload_and_zip_download() =>
        _shared.Plain_http_conversation_with_multipart_upload_and_zip_download();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();

    // The shared assertions, run against the native fixture; private, so xUnit does not collect its facts a second time.
    private sealed class Shared(NativeMinimalApiConsumerFixture fixture, ITestOutputHelper output)
        : OpenHandsEndToEndTestsBase<NativeMinimalApiConsumerFixture>(fixture, output)
    {
        protected override string ServerBaseSuffix => "HandlerBase";
    }
}
