namespace OpenApiGen.Tests;

/// <summary>
/// Issue 11: &lt;OpenApiReference&gt; items are mapped by build/OpenApiGen.targets to these metadata; here the generator's
/// side (ClassName, Namespace, NSwag flags). The packed-package test builds a project that keeps such an item.
/// </summary>
public class OpenApiReferenceTests
{
    private static (IReadOnlyList<string> Diagnostics, Microsoft.CodeAnalysis.Compilation Output) Run(string? ns, string? className, string? options)
    {
        var metadata = new Dictionary<string, string>();
        if (className is not null) metadata["OpenApiReferenceClassName"] = className;
        if (options is not null) metadata["OpenApiReferenceOptions"] = options;
        var spec = SpecFile.FromRepo("openhands-delete-conversation.json", ns, "Client") with { Metadata = metadata };
        var (result, output) = GeneratorHarness.Run(spec);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        return (result.Diagnostics.Select(d => d.Id + ": " + d.GetMessage()).ToList(), output);
    }

    [Fact]
    public void ClassName_names_the_client_without_doubling_its_Client_suffix()
    {
        var (diagnostics, output) = Run("Legacy.Api", "LegacyApiClient", null);
        Assert.NotNull(output.GetTypeByMetadataName("Legacy.Api.LegacyApiClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Legacy.Api.ILegacyApiClient"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Flags_OpenApiGen_honors_pass_and_every_other_flag_is_named_in_one_warning()
    {
        var (diagnostics, output) = Run(null, null, "/GenerateClientInterfaces:true /UseBaseUrl:false /JsonLibrary:SystemTextJson /ClassName:Shop /Namespace:Shop.Api /GenerateNullableReferenceTypes:true /JsonLibrary:NewtonsoftJson");
        // /ClassName and /Namespace in Options apply when the item has no ClassName or Namespace of its own.
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Api.ShopClient"));
        var warning = Assert.Single(diagnostics, d => d.StartsWith("OAG020", StringComparison.Ordinal));
        Assert.Contains("/GenerateNullableReferenceTypes:true /JsonLibrary:NewtonsoftJson", warning);
        Assert.DoesNotContain("UseBaseUrl", warning);
    }

    [Fact]
    public void NSwags_class_name_template_leaves_the_name_to_the_title()
    {
        var (_, output) = Run("Legacy.Api", "{controller}Client", null);
        Assert.NotNull(output.GetTypeByMetadataName("Legacy.Api.OpenHandsClient"));
    }
}
