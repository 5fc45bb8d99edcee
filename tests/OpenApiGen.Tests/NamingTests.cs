using OpenApiGen.Naming;

namespace OpenApiGen.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("delete_conversation_api_conversations__conversation_id__delete", "DELETE", "/api/conversations/{conversation_id}", "DeleteConversation")]
    [InlineData("get_settings_api_settings_get", "GET", "/api/settings", "GetSettings")]
    [InlineData("listPets", "GET", "/pets", "ListPets")]
    [InlineData("pets.list-all", "GET", "/pets", "PetsListAll")]
    [InlineData(null, "GET", "/pets/{petId}", "GetPetsPetId")]
    [InlineData("123go", "GET", "/x", "_123go")]
    [InlineData("GET_USER_BY_ID", "GET", "/users/{id}", "GetUserById")]
    public void Method_names(string? operationId, string method, string path, string expected) =>
        Assert.Equal(expected, OperationNamer.MethodName(operationId, method, path));

    [Theory]
    [InlineData(null, "/api/conversations/{id}", "Conversations")]
    [InlineData(null, "/v1/users", "Users")]
    [InlineData("pet store", "/pets", "PetStore")]
    [InlineData(null, "/", "Default")]
    public void Group_names(string? tag, string path, string expected) => Assert.Equal(expected, OperationNamer.GroupName(tag, path));

    [Theory]
    [InlineData("conversation_id", "conversationId")]
    [InlineData("HTTPValidationError", "httpValidationError")]
    [InlineData("class", "@class")]
    [InlineData("X-Session-API-Key", "xSessionApiKey")]
    [InlineData("FAILING_CHECKS", "failingChecks")]
    public void Camel_names(string input, string expected) => Assert.Equal(expected, Identifier.Camel(input));

    [Fact]
    public void Name_scope_resolves_collisions_deterministically()
    {
        var scope = new NameScope();
        Assert.Equal(new[] { "Pet", "Pet2", "Pet3" }, new[] { scope.Claim("Pet"), scope.Claim("Pet"), scope.Claim("Pet") });
    }
}
