using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Issue 11: OpenAPI Overlay 1.0 documents listed as AdditionalFiles (OpenApiOverlay) change a spec before generation.</summary>
public class OverlayTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Pets, version: "1" }
    paths:
      /pets:
        get:
          operationId: listPets
          tags: [Pets]
          responses:
            "200": { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } }
      /admin/reset:
        post:
          operationId: resetEverything
          tags: [Admin]
          responses: { "204": { description: Done. } }
    components:
      schemas:
        Pet:
          type: object
          properties:
            pet_name: { type: string }
            status: { type: string, enum: [available, sold] }
    """;

    private const string Overlay = """
    overlay: 1.0.0
    info: { title: Our view of the pets API, version: "1" }
    actions:
      - target: $.paths['/admin/reset']
        description: Not ours to call.
        remove: true
      - target: $.components.schemas.Pet.properties.pet_name
        update: { x-ms-client-name: Name, description: The pet's name. }
      - target: $.paths.*[?(@.operationId == 'listPets')]
        update: { summary: Lists every pet. }
      - target: $.components.schemas.Pet.properties.status.enum
        update: pending
      - target: $.paths['/nowhere']
        remove: true
    """;

    private static SpecFile OverlayFile(string text, string target = "pets.yaml", string path = "/project/pets.overlay.yaml") =>
        new(path, text, Metadata: new Dictionary<string, string> { ["OpenApiOverlay"] = target });

    [Fact]
    public void Actions_remove_rename_document_and_extend_before_generation()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/pets.yaml", Spec, "Pets.Api", "Client;Models"), OverlayFile(Overlay));
        Assert.Empty(GeneratorHarness.CompileErrors(output));

        Assert.Null(output.GetTypeByMetadataName("Pets.Api.PetsClient+AdminClient"));             // removed path
        var pet = output.GetTypeByMetadataName("Pets.Api.Pet")!;
        Assert.NotEmpty(pet.GetMembers("Name"));                                                  // renamed through x-ms-client-name
        Assert.Contains("The pet's name.", pet.GetMembers("Name").Single().DeclaringSyntaxReferences.Single().GetSyntax().GetLeadingTrivia().ToFullString());
        var list = output.GetTypeByMetadataName("Pets.Api.PetsClient+IPetsOperationsClient")!.GetMembers("ListPetsAsync").Single();
        Assert.Contains("Lists every pet.", list.DeclaringSyntaxReferences.Single().GetSyntax().GetLeadingTrivia().ToFullString());
        Assert.NotEmpty(output.GetTypeByMetadataName("Pets.Api.PetStatus")!.GetMembers("Pending")); // appended to the enum array

        // The action that selects nothing is a warning in the overlay file, on its target line.
        var nothing = Assert.Single(result.Diagnostics, d => d.Id == "OAG021");
        Assert.Equal("/project/pets.overlay.yaml", nothing.Location.GetLineSpan().Path);
        Assert.Equal(12, nothing.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("$.paths['/nowhere']", nothing.GetMessage());
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // The overlay is not mistaken for a spec.
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "OAG002");
    }

    [Fact]
    public void A_broken_overlay_is_an_error_located_in_it_and_the_spec_still_generates()
    {
        const string broken = """
        overlay: 1.0.0
        actions:
          - target: $.paths[?(@.x ==
            remove: true
          - update: { x: 1 }
        """;
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/pets.yaml", Spec, "Pets.Api", "Client;Models"), OverlayFile(broken));
        var errors = result.Diagnostics.Where(d => d.Id == "OAG022").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("/project/pets.overlay.yaml", e.Location.GetLineSpan().Path));
        Assert.Contains(errors, e => e.GetMessage().Contains("not a JSONPath") && e.Location.GetLineSpan().StartLinePosition.Line == 2);
        Assert.Contains(errors, e => e.GetMessage().Contains("has no 'target'") && e.Location.GetLineSpan().StartLinePosition.Line == 4);
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Api.PetsClient+AdminClient"));
    }

    [Fact]
    public void Nested_arrays_are_appended_to_escaped_names_are_decoded_and_a_mismatched_update_is_an_error()
    {
        const string overlay = """
        overlay: 1.0.0
        actions:
          - target: "$.paths['\u002Fpets'].get"
            update: { tags: [Animals] }
          - target: $.info
            update: just text
        """;
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/pets.yaml", Spec, "Pets.Api", "Client;Models"),
            OverlayFile(overlay, target: "./PETS.yaml"));
        // tags [Pets] + [Animals]: the first tag still names the group.
        Assert.NotNull(output.GetTypeByMetadataName("Pets.Api.PetsClient+IPetsOperationsClient"));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "OAG022");
        Assert.Contains("an object is updated with an object, not string", error.GetMessage());
        Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "OAG021");
    }

    [Fact]
    public void An_overlay_that_names_no_spec_says_so()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/pets.yaml", Spec, "Pets.Api", "Client;Models"), OverlayFile(Overlay, target: "other.yaml"));
        var error = Assert.Single(result.Diagnostics, d => d.Id == "OAG022");
        Assert.Contains("'other.yaml', which is no spec of this project", error.GetMessage());
        Assert.Equal("/project/pets.overlay.yaml", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Editing_an_overlay_regenerates_its_spec()
    {
        var spec = new SpecFile("/project/pets.yaml", Spec, "Pets.Api", "Client;Models");
        var first = GeneratorHarness.Run(spec, OverlayFile(Overlay)).Output;
        var second = GeneratorHarness.Run(spec, OverlayFile(Overlay.Replace("x-ms-client-name: Name", "x-ms-client-name: Title"))).Output;
        Assert.NotEmpty(first.GetTypeByMetadataName("Pets.Api.Pet")!.GetMembers("Name"));
        Assert.NotEmpty(second.GetTypeByMetadataName("Pets.Api.Pet")!.GetMembers("Title"));
    }
}
