// The consumer app of the trim/AOT end-to-end test. It is copied, with OpenHandsConsumerApp/Controllers.cs, into a temp
// Sdk.Web project that references the packed OpenApiGen package and generates from openhands.json and stripe.json with
// IsAotCompatible=true (the trim and AOT analyzers on) and JsonSerializerIsReflectionEnabledByDefault=false: as under
// native AOT, any JSON that does not go through the generated {Client}JsonContext metadata fails at run time.
//   args[0]: the port to bind on 127.0.0.1.
// Prints "RESULT name=value" lines, then "READY", then serves until stdin is closed or the process is killed.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OpenHands.Api;
using Stripe.Api;

const string ApiKey = "e2e-key";
const string CustomerJson = """
    {"id":"cus_1","object":"customer","created":1700000000,"livemode":false,"email":"ann@example.com","balance":250,
     "metadata":{"tier":"gold"},"preferred_locales":["de","en"],
     "address":{"city":"Berlin","country":"DE","line1":"Alexanderplatz 1","postal_code":"10178"}}
    """;
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddSingleton<OpenHandsStore>();
// The generated controllers (de)serialize through the generated metadata too: MVC gets the resolver first in its chain.
builder.Services.AddControllers().AddJsonOptions(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, OpenHandsJsonContext.Default));
builder.Services.AddAuthentication().AddOpenHandsSecurity(o => o.UseAPIKeyHeader(ApiKey));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
// A canned Stripe customer, written as text so that only the generated client's metadata reads it.
app.MapGet("/v1/customers/{customer}", (RequestDelegate)(context =>
{
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync(CustomerJson);
}));
await app.StartAsync();

Console.WriteLine($"RESULT reflection-enabled={JsonSerializer.IsReflectionEnabledByDefault}");
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

await Step("openhands", async () =>
{
    var client = new OpenHandsClient(http, new OpenHandsClientOptions { APIKeyHeader = ApiKey });
    var created = await client.Conversations.NewConversationAsync(new InitSessionRequest { InitialUserMsg = "hello" });
    Console.WriteLine($"RESULT conversation-created={created.ConversationId is { Length: > 0 }}");
    var page = await client.Conversations.SearchConversationsAsync();
    Console.WriteLine($"RESULT conversation-count={page.Results.Count}");
    Console.WriteLine($"RESULT conversation-deleted={await client.Conversations.DeleteConversationAsync(created.ConversationId!)}");
});

await Step("stripe", async () =>
{
    var client = new StripeApiClient(http, new StripeApiClientOptions { BearerAuth = "sk_test" });
    var response = await client.Customers.GetCustomersCustomerAsync("cus_1");
    var customer = response.AsCustomer;
    Console.WriteLine($"RESULT customer-id={customer.Id}");
    Console.WriteLine($"RESULT customer-city={customer.Address?.City}");
    Console.WriteLine($"RESULT customer-tier={customer.Metadata?["tier"]}");
    Console.WriteLine($"RESULT customer-locales={string.Join(",", customer.PreferredLocales ?? [])}");
    // Written back through the generated metadata, the payload is unchanged (it holds no explicit nulls for optional
    // properties: those are written as absent, by design).
    var options = StripeApiJsonContext.CreateOptions();
    var written = JsonSerializer.Serialize(response, (JsonTypeInfo<GetCustomersCustomerResponse>)options.GetTypeInfo(typeof(GetCustomersCustomerResponse)));
    Console.WriteLine($"RESULT customer-round-trip={JsonNode.DeepEquals(JsonNode.Parse(CustomerJson), JsonNode.Parse(written))}");
});

Console.WriteLine("READY");
await Task.Run(() => Console.In.ReadToEnd());
await app.StopAsync();

static async Task Step(string name, Func<Task> step)
{
    try
    {
        await step();
    }
    catch (Exception ex)
    {
        Console.WriteLine($"STEP-FAILED {name}: {ex}");
    }
}
