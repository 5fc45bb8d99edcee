using Microsoft.Extensions.DependencyInjection;
using OpenHands.Api;

// The generated client through DI, with retries, a circuit breaker and timeouts from the standard resilience handler.
// Usage: dotnet run --project samples/ClientOnly -- <base address> <api key> <conversation id>
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: ClientOnly.Sample <base address> <api key> <conversation id>");
    return 2;
}

var services = new ServiceCollection();
services
    .AddOpenHandsClient(o =>
    {
        o.BaseAddress = new Uri(args[0]);
        o.APIKeyHeader = args[1];
    })
    .AddStandardResilienceHandler();
await using var provider = services.BuildServiceProvider();

var openHands = provider.GetRequiredService<IOpenHandsClient>();
try
{
    Console.WriteLine($"deleted: {await openHands.Conversations.DeleteConversationAsync(args[2])}");
    return 0;
}
catch (OpenHandsApiException<HTTPValidationError> ex)
{
    Console.WriteLine($"{ex.StatusCode}: {string.Join("; ", ex.Result.Detail?.Select(d => d.Msg) ?? [])}");
    return 1;
}
catch (OpenHandsApiException ex)
{
    Console.WriteLine($"{ex.StatusCode}: {ex.Message}");
    return 1;
}
