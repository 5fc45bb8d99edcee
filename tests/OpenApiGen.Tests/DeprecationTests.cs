using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiGen.Tests;

/// <summary>Issue 11: <c>deprecated: true</c> becomes [Obsolete] with the description, and the generated code itself builds without warnings.</summary>
public class DeprecationTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Old, version: "1" }
    paths:
      /pets:
        get:
          operationId: listPets
          summary: Lists pets.
          description: Use searchPets instead.
          deprecated: true
          parameters:
            - { name: legacyFilter, in: query, deprecated: true, schema: { type: string } }
          responses:
            "200": { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/LegacyPet' } } } } }
      /pets/search:
        get:
          operationId: searchPets
          responses:
            "200": { description: Pets., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } }
    components:
      schemas:
        LegacyPet:
          type: object
          deprecated: true
          description: The v1 shape.
          properties: { name: { type: string } }
        Pet:
          type: object
          required: [nickname]
          properties:
            name: { type: string }
            nickname: { type: string, deprecated: true, description: Always empty now. }
            mood: { $ref: '#/components/schemas/OldMood' }
        OldMood: { type: string, enum: [calm, wild], deprecated: true }
        Shelter:
          type: object
          properties:
            resident: { anyOf: [ { $ref: '#/components/schemas/LegacyPet' }, { $ref: '#/components/schemas/Pet' } ] }
        OldBase: { type: object, deprecated: true, properties: { id: { type: string } } }
        NewChild:
          allOf:
            - $ref: '#/components/schemas/OldBase'
            - { type: object, properties: { extra: { type: string } } }
    """;

    // Code a user writes against the generated API: every use of a deprecated member must warn here, and only here.
    private const string UserCode = """
    namespace Consumer
    {
        public static class Uses
        {
            public static object Touch(Old.Api.OldClient client, Old.Api.Pet pet) =>
                (client.Pets.ListPetsAsync(), pet.Nickname, default(Old.Api.LegacyPet));
        }
    }
    """;

    [Fact]
    public void Deprecated_members_are_obsolete_with_their_description_and_the_generated_code_does_not_warn()
    {
        // AllModels: the union and the derived record of a deprecated base are generated too (no operation uses them).
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/old.yaml", Spec, "Old.Api", "Client;Server;AllModels"));
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        Assert.NotNull(output.GetTypeByMetadataName("Old.Api.NewChild"));
        Assert.NotNull(output.GetTypeByMetadataName("Old.Api.ShelterResident"));
        var generatedWarnings = output.GetDiagnostics()
            .Where(d => d.Id is "CS0612" or "CS0618" or "CS9042" && d.Location.SourceTree is { } tree && result.GeneratedTrees.Contains(tree))
            .ToList();
        Assert.Empty(generatedWarnings);

        static string? Message(ISymbol symbol) => symbol.GetAttributes()
            .SingleOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute")?.ConstructorArguments[0].Value as string;
        Assert.Equal("Deprecated by the API description: The v1 shape.", Message(output.GetTypeByMetadataName("Old.Api.LegacyPet")!));
        Assert.Equal("Deprecated by the API description.", Message(output.GetTypeByMetadataName("Old.Api.OldMood")!));
        Assert.Null(Message(output.GetTypeByMetadataName("Old.Api.Pet")!));
        Assert.Equal("Deprecated by the API description: Always empty now.", Message(output.GetTypeByMetadataName("Old.Api.Pet")!.GetMembers("Nickname").Single()));
        Assert.Null(Message(output.GetTypeByMetadataName("Old.Api.Pet")!.GetMembers("Name").Single()));
        // Required but deprecated: not `required` in C# (CS9042 forbids [Obsolete] there), so building a Pet needs no obsolete member.
        Assert.False(((IPropertySymbol)output.GetTypeByMetadataName("Old.Api.Pet")!.GetMembers("Nickname").Single()).IsRequired);
        // The operation: on the interface (what DI users hold) and on the class, with its summary.
        var group = output.GetTypeByMetadataName("Old.Api.OldClient+PetsClient")!;
        var contract = output.GetTypeByMetadataName("Old.Api.OldClient+IPetsClient")!;
        Assert.Equal("Deprecated by the API description: Lists pets.", Message(group.GetMembers("ListPetsAsync").Single()));
        Assert.Equal("Deprecated by the API description: Lists pets.", Message(contract.GetMembers("ListPetsAsync").Single()));
        Assert.Null(Message(group.GetMembers("SearchPetsAsync").Single()));
        // C# has no [Obsolete] for parameters: the method's remarks name them.
        var syntax = contract.GetMembers("ListPetsAsync").Single().DeclaringSyntaxReferences.Single().GetSyntax().GetLeadingTrivia().ToFullString();
        Assert.Contains("Deprecated parameters: legacyFilter.", syntax);

        // A user's code that touches them is warned, once per use.
        var user = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UserCode, (CSharpParseOptions)output.SyntaxTrees.First().Options, path: "User.cs"));
        var userWarnings = user.GetDiagnostics().Where(d => d.Location.SourceTree?.FilePath == "User.cs").Select(d => d.Id).Order().ToArray();
        Assert.Equal(["CS0618", "CS0618", "CS0618"], userWarnings);
    }

    [Fact]
    public void Only_files_that_use_deprecated_members_carry_the_pragma()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/old.yaml", Spec, "Old.Api", "Client;Server;AllModels"));
        string[] withPragma = GeneratorHarness.SpecTrees(result)
            .Where(t => t.ToString().Contains("#pragma warning disable CS0612", StringComparison.Ordinal))
            .Select(t => Path.GetFileName(t.FilePath))
            .Order(StringComparer.Ordinal)
            .ToArray();
        // Pet (a deprecated property, a deprecated enum), the union holding LegacyPet, the record deriving from OldBase,
        // OldBase (its derived type is not deprecated... but it is itself [Obsolete], so no), the JSON context, the
        // client group of the non-deprecated searchPets (it reads Pet only: no) and the server group (listPets' LegacyPet).
        Assert.Equal(
        [
            "Old.Api.Models.NewChild.g.cs", "Old.Api.Models.Pet.g.cs", "Old.Api.Models.ShelterResident.g.cs",
            "Old.Api.OldJsonContext.g.cs", "Old.Api.PetsControllerBase.g.cs",
        ], withPragma);
    }

    [Fact]
    public void A_spec_without_deprecations_has_no_pragma()
    {
        var (result, _) = GeneratorHarness.Run(new SpecFile("/project/new.yaml", Spec.Replace("deprecated: true", "deprecated: false"), "Old.Api", "Client;Models"));
        Assert.DoesNotContain(GeneratorHarness.SpecTrees(result), t => t.ToString().Contains("#pragma warning disable CS0612", StringComparison.Ordinal));
        Assert.Contains(GeneratorHarness.SpecTrees(result), t => t.FilePath.EndsWith("Pet.g.cs", StringComparison.Ordinal));
    }
}
