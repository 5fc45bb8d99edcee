using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiGen.EndToEndTests;

/// <summary>
/// The whole chain through the packed NuGet package: dotnet pack → PackageReference from a fresh Sdk.Web project →
/// the generator runs inside that build → the generated controller base, security handler, client and models work
/// against each other on Kestrel over real HTTP.
/// </summary>
public sealed partial class PackedPackageEndToEndTests(PackedConsumerFixture fixture, ITestOutputHelper output)
    : IClassFixture<PackedConsumerFixture>
{
    [Fact]
    public void Package_holds_the_generator_its_dependencies_and_the_props()
    {
        fixture.EnsureReady(output);

        Assert.Contains("analyzers/dotnet/cs/OpenApiGen.dll", fixture.PackageEntries);
        Assert.Contains("analyzers/dotnet/cs/Microsoft.OpenApi.dll", fixture.PackageEntries);
        Assert.Contains("analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll", fixture.PackageEntries);
        Assert.Contains("analyzers/dotnet/cs/SharpYaml.dll", fixture.PackageEntries);
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", fixture.PackageEntries);
        Assert.Contains("build/OpenApiGen.props", fixture.PackageEntries);
        Assert.Contains("build/OpenApiGen.targets", fixture.PackageEntries);
        Assert.DoesNotContain(fixture.PackageEntries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        // A package people trust: license, icon, tags and the users' README (not the contributors').
        Assert.Contains("LICENSE", fixture.PackageEntries);
        Assert.Contains("icon.png", fixture.PackageEntries);
        Assert.Contains("README.md", fixture.PackageEntries);
        using var package = System.IO.Compression.ZipFile.OpenRead(fixture.PackagePath!);
        using (var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
        {
            var text = nuspec.ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", text);
            Assert.Contains("<icon>icon.png</icon>", text);
            Assert.Contains("<readme>README.md</readme>", text);
            Assert.Contains("source-generator", text);
        }
        using (var readme = new StreamReader(package.GetEntry("README.md")!.Open()))
        {
            var text = readme.ReadToEnd();
            Assert.Contains("## Install", text);
            Assert.DoesNotContain("dotnet cake", text); // contributor commands stay in the repository README
        }
    }

    [Fact]
    public void Packed_generator_references_only_netstandard_roslyn_and_what_the_package_ships()
    {
        fixture.EnsureReady(output);
        // The generator loads inside the compiler: anything else it references would have to be there already.
        string[] allowed =
        [
            "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory",
            "System.Text.Json", "Microsoft.OpenApi", "Microsoft.OpenApi.YamlReader", "SharpYaml", "Scriban.Signed",
        ];
        using var package = System.IO.Compression.ZipFile.OpenRead(fixture.PackagePath!);
        using var dll = new MemoryStream();
        using (var entry = package.GetEntry("analyzers/dotnet/cs/OpenApiGen.dll")!.Open()) entry.CopyTo(dll);
        dll.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(dll);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        output.WriteLine("packed OpenApiGen.dll references: " + string.Join(", ", references));
        Assert.Contains("Microsoft.OpenApi", references);
        Assert.Empty(references.Except(allowed));
    }

    [Fact]
    public void Consumer_builds_cleanly_against_the_package()
    {
        fixture.EnsureReady(output);
        var build = fixture.Build!;

        Assert.Equal(0, build.ExitCode);
        var errorLines = build.Output.Split('\n').Where(l => ConsumerOutput.ErrorWord().IsMatch(l) || ConsumerOutput.OagError().IsMatch(l)).ToList();
        Assert.True(errorLines.Count == 0, "The consumer build reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errorLines));

        // Restored from the local feed into the temp package folder, not into (or from) the global cache.
        var restored = Path.Combine(fixture.PackagesFolder, "openapigen", fixture.PackageVersion.ToLowerInvariant());
        output.WriteLine($"restored package folder: {restored}");
        Assert.True(File.Exists(Path.Combine(restored, "analyzers", "dotnet", "cs", "OpenApiGen.dll")), $"OpenApiGen {fixture.PackageVersion} was not restored into {restored}.");
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Assert.False(Directory.Exists(Path.Combine(globalPackages, "openapigen", fixture.PackageVersion.ToLowerInvariant())), "The e2e package leaked into the global NuGet cache.");

        foreach (var warning in build.Output.Split('\n').Where(l => l.Contains("warning OAG", StringComparison.Ordinal)))
        {
            output.WriteLine("generator warning: " + warning.Trim());
        }
    }

    [Fact]
    public void Generated_client_talks_to_generated_server()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);

        AssertResult(results, "delete-existing", "True");
        AssertResult(results, "delete-again", "False");
        AssertResult(results, "delete-unknown", "False");
        AssertResult(results, "invalid-status", "422");
        AssertResult(results, "invalid-loc-count", "2");
        AssertResult(results, "invalid-loc0-is-string", "True");
        AssertResult(results, "invalid-loc0", "path");
        AssertResult(results, "invalid-loc1-is-int", "True");
        AssertResult(results, "invalid-loc1", "0");
        AssertResult(results, "invalid-msg", "bad");
        AssertResult(results, "invalid-type", "value_error");
        AssertResult(results, "no-key-status", "401");
        // existing, again, unknown, invalid reached the controller; the request without a key did not.
        AssertResult(results, "calls", "4");
    }

    [Fact]
    public void A_webhook_and_a_callback_reach_the_generated_MVC_receivers_from_the_generated_sender()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);
        AssertResult(results, "webhook-status", "200");
        // owner has minLength 1: the receiver answers the undocumented-error default (400) and its action never runs.
        AssertResult(results, "webhook-invalid-status", "400");
        AssertResult(results, "callback-status", "202");
        AssertResult(results, "notifications-received", "adopted 7 by Ann,status done");
    }

    [Fact]
    public void Generated_client_interfaces_mock_with_NSubstitute_and_resolve_from_DI()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);

        AssertResult(results, "mock-delete", "True");
        AssertResult(results, "mock-calls", "1");
        // Add{Client}Client registers the interface as the real typed client, which then talks to the server.
        AssertResult(results, "di-client", "OpenHands.Api.OpenHandsClient");
        AssertResult(results, "di-delete", "True");
    }

    [Fact]
    public void Operation_filters_project_wide_defaults_and_deprecations_shape_a_spec_in_the_packed_build()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);

        // OpenApiInclude="tag:Pets;operation:getInventory;tag:NoSuchTag" OpenApiExclude="path:/pets/*": listPets and getInventory stay.
        AssertResult(results, "filtered-operations", "PetsClient.ListPetsAsync,StoreClient.GetInventoryAsync");
        Assert.True(results.TryGetValue("filtered-types", out var types));
        var names = types!.Split(',');
        Assert.Contains("Pet", names);
        Assert.Contains("IFilteredClient", names);
        Assert.DoesNotContain("Order", names); // only listOrders, which is not kept, uses it
        Assert.DoesNotContain("DeleteReceipt", names); // only deletePet, which is excluded, uses it
        // The item sets no OpenApiGenerate: the project's <OpenApiGenerate>Client;Models</OpenApiGenerate> applies, so no server.
        Assert.DoesNotContain(names, n => n.EndsWith("ControllerBase", StringComparison.Ordinal));
        // deprecated: true is [Obsolete], and the consumer (CS0612/CS0618 as errors) built.
        AssertResult(results, "obsolete-operation", "Deprecated by the API description: Stock per pet kind.");
        AssertResult(results, "obsolete-property", "True");
        // x-ms-client-name renames without editing the spec's wire names.
        AssertResult(results, "client-named-property", "True");
        // An OpenApiOverlay item added a property before generation.
        AssertResult(results, "overlay-property", "Nullable`1");
        // The pattern that matches nothing is a build warning naming it.
        Assert.Contains(fixture.Build!.Output.Split('\n'), l => l.Contains("warning OAG019", StringComparison.Ordinal) && l.Contains("'tag:NoSuchTag'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_OpenApiReference_item_builds_without_edits()
    {
        fixture.EnsureReady(output);
        var results = ConsumerOutput.ParseResults(fixture.StartupOutput);

        // Namespace and ClassName mapped; OpenApiReference means a client, so no server for it.
        AssertResult(results, "legacy-delete", "True");
        AssertResult(results, "legacy-server", "False");
        // The NSwag flag without an equivalent is named in a warning; the ones OpenApiGen honors are not.
        var warnings = fixture.Build!.Output.Split('\n').Where(l => l.Contains("warning OAG020", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains("/GenerateNullableReferenceTypes:true on", w));
        Assert.All(warnings, w => Assert.DoesNotContain("UseBaseUrl", w));
    }

    [Fact]
    public async Task Generated_server_answers_plain_http_and_rejects_missing_or_wrong_keys_before_the_controller()
    {
        fixture.EnsureReady(output);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var calls0 = await CallsAsync(http);
        output.WriteLine($"calls before: {calls0}");

        // Authorised, existing id: 200 and the JSON body `true`.
        using (var response = await DeleteAsync(http, "conv-http-1", PackedConsumerFixture.ApiKey))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"DELETE conv-http-1 with key -> {(int)response.StatusCode} {response.Content.Headers.ContentType} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("true", body.Trim());
        }
        Assert.Equal(calls0 + 1, await CallsAsync(http));

        // Gone now: 200 and `false`.
        using (var response = await DeleteAsync(http, "conv-http-1", PackedConsumerFixture.ApiKey))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"DELETE conv-http-1 again   -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("false", body.Trim());
        }
        var callsBeforeRejected = await CallsAsync(http);
        Assert.Equal(calls0 + 2, callsBeforeRejected);

        // No key, wrong key, empty key: 401, and the controller never runs.
        foreach (var key in new string?[] { null, "wrong-key", "" })
        {
            using var response = await DeleteAsync(http, "conv-http-2", key);
            output.WriteLine($"DELETE conv-http-2 with key {(key is null ? "<none>" : $"'{key}'")} -> {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        var callsAfterRejected = await CallsAsync(http);
        output.WriteLine($"calls after the rejected requests: {callsAfterRejected}");
        Assert.Equal(callsBeforeRejected, callsAfterRejected);

        // ...and conv-http-2 is still there.
        using (var response = await DeleteAsync(http, "conv-http-2", PackedConsumerFixture.ApiKey))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"DELETE conv-http-2 with key -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", body.Trim());
        }

        // 422 with the documented body: loc is ["path", 0], a string then an integer on the wire.
        using (var response = await DeleteAsync(http, "invalid", PackedConsumerFixture.ApiKey))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"DELETE invalid with key     -> {(int)response.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("detail")[0];
            var loc = error.GetProperty("loc");
            Assert.Equal(2, loc.GetArrayLength());
            Assert.Equal(JsonValueKind.String, loc[0].ValueKind);
            Assert.Equal("path", loc[0].GetString());
            Assert.Equal(JsonValueKind.Number, loc[1].ValueKind);
            Assert.Equal(0, loc[1].GetInt32());
            Assert.Equal("bad", error.GetProperty("msg").GetString());
            Assert.Equal("value_error", error.GetProperty("type").GetString());
        }
        Assert.Equal(callsBeforeRejected + 2, await CallsAsync(http));

        output.WriteLine("Consumer output so far:");
        output.WriteLine(fixture.ConsumerOutput);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient http, string id, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/conversations/{Uri.EscapeDataString(id)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Session-API-Key", key);
        }
        return await http.SendAsync(request);
    }

    private static async Task<int> CallsAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("calls");
        return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void AssertResult(Dictionary<string, string> results, string name, string expected)
    {
        Assert.True(results.TryGetValue(name, out var actual), $"The consumer printed no 'RESULT {name}=' line.");
        output.WriteLine($"RESULT {name}={actual} (expected {expected})");
        Assert.Equal(expected, actual);
    }
}
