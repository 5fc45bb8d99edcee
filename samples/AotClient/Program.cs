using OpenHands.Api;

// A natively compiled client: no JIT, no reflection-based JSON. Usage: AotClient.Sample <base address> <api key> <id>...
// Prints one line per id: "<id>: True|False" or "<id>: <status>" for a documented error.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: AotClient.Sample <base address> <api key> <conversation id>...");
    return 2;
}

using var http = new HttpClient();
var client = new OpenHandsClient(http, new OpenHandsClientOptions { BaseAddress = new Uri(args[0]), APIKeyHeader = args[1] });
foreach (var id in args.Skip(2))
{
    try
    {
        Console.WriteLine($"{id}: {await client.Conversations.DeleteConversationAsync(id)}");
    }
    catch (OpenHandsApiException<HTTPValidationError> ex)
    {
        Console.WriteLine($"{id}: {ex.StatusCode} {ex.Result.Detail?.FirstOrDefault()?.Msg}");
    }
}
return 0;
