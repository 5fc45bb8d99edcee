using Microsoft.CodeAnalysis;

namespace OpenApiGen.Tests;

/// <summary>Multipart and url-encoded bodies are flattened: files as {Client}File / IFormFile, other fields as values.</summary>
public class FormBodyTests
{
    private const string Spec = """
    openapi: 3.0.3
    info: { title: Files, version: "1" }
    paths:
      /upload/{id}:
        post:
          operationId: upload
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [files]
                  properties:
                    files: { type: array, items: { type: string, format: binary } }
                    avatar: { type: string, format: binary }
                    note: { type: string }
                    tags: { type: array, items: { type: string } }
                    meta: { type: object, properties: { a: { type: integer } } }
          responses:
            "204": { description: done }
      /login:
        post:
          operationId: login
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  required: [user]
                  properties:
                    user: { type: string }
                    remember: { type: boolean }
          responses:
            "204": { description: done }
    """;

    [Fact]
    public void Form_fields_become_parameters_on_client_and_server()
    {
        var (result, output) = GeneratorHarness.Run(new SpecFile("/project/files.yaml", Spec, "Files.Api", "Client;Server;Models"));
        Assert.Empty(result.Diagnostics);
        var errors = GeneratorHarness.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var client = output.GetTypeByMetadataName("Files.Api.FilesClient+UploadClient")!;
        var upload = (IMethodSymbol)client.GetMembers("UploadAsync").Single();
        Assert.Equal(
            new[] { "string id", "System.Collections.Generic.IEnumerable<Files.Api.FilesFile> files", "Files.Api.FilesFile? avatar", "string? note", "System.Collections.Generic.IReadOnlyList<string>? tags", "Files.Api.UploadRequestMeta? meta", "System.Threading.CancellationToken cancellationToken" },
            upload.Parameters.Select(p => p.ToDisplayString()));

        var controller = output.GetTypeByMetadataName("Files.Api.UploadControllerBase")!;
        var action = (IMethodSymbol)controller.GetMembers("Upload").Single();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<Microsoft.AspNetCore.Http.IFormFile>", action.Parameters[1].Type.ToDisplayString());
        // Text fields bind through the form-style binder, which keeps a present "" (MVC's own would make it null).
        Assert.All(action.Parameters.Skip(1).Take(5), p => Assert.Contains(p.GetAttributes(), a => a.AttributeClass!.Name == "FromFormAttribute"
            || (a.AttributeClass!.Name == "ParameterStyleAttribute" && (string?)a.ConstructorArguments[0].Value == "form" && p.Type.SpecialType == SpecialType.System_String)));

        var login = (IMethodSymbol)output.GetTypeByMetadataName("Files.Api.FilesClient+LoginClient")!.GetMembers("LoginAsync").Single();
        Assert.Equal(new[] { "string user", "bool? remember", "System.Threading.CancellationToken cancellationToken" }, login.Parameters.Select(p => p.ToDisplayString()));
        var source = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("FilesClient.Login.g.cs")).GetText().ToString();
        Assert.Contains("FormUrlEncodedContent", source);
    }
}
