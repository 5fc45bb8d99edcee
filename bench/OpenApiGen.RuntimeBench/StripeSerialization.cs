using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Bench.Stripe;

/// <summary>
/// Round trip (deserialize + serialize) of a Stripe customer list (200 customers with address, shipping, metadata and
/// locales) through the generated Stripe models and their generated JSON metadata, against hand-written equivalent
/// types with System.Text.Json's own source generator (the baseline).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
[BenchmarkCategory("StripeRoundTrip")]
public class StripeSerializationBenchmarks
{
    private byte[] _payload = [];
    private JsonTypeInfo<GetCustomersResponse> _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payload = JsonSerializer.SerializeToUtf8Bytes(StripePayload.Customers(200), HandWrittenStripeContext.Default.CustomerListDto);
        _generated = (JsonTypeInfo<GetCustomersResponse>)StripeApiJsonContext.CreateOptions().GetTypeInfo(typeof(GetCustomersResponse));
        // Both sides must do the same work: each writes back exactly what it read.
        foreach (var written in new[] { HandWritten(), OpenApiGen() })
        {
            if (!JsonNode.DeepEquals(JsonNode.Parse(_payload), JsonNode.Parse(written))) throw new InvalidOperationException("The round trip changed the payload.");
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] HandWritten() =>
        JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(_payload, HandWrittenStripeContext.Default.CustomerListDto)!, HandWrittenStripeContext.Default.CustomerListDto);

    [Benchmark]
    public byte[] OpenApiGen() => JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(_payload, _generated)!, _generated);

    // The read half alone, to tell where a gap comes from (the rest of a round trip is the write).
    [Benchmark]
    public object HandWritten_ReadOnly() => JsonSerializer.Deserialize(_payload, HandWrittenStripeContext.Default.CustomerListDto)!;

    [Benchmark]
    public object OpenApiGen_ReadOnly() => JsonSerializer.Deserialize(_payload, _generated)!;
}

public sealed class AddressDto
{
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("line1")] public string? Line1 { get; init; }
    [JsonPropertyName("line2")] public string? Line2 { get; init; }
    [JsonPropertyName("postal_code")] public string? PostalCode { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
}

public sealed class ShippingDto
{
    [JsonPropertyName("address")] public AddressDto? Address { get; init; }
    [JsonPropertyName("carrier")] public string? Carrier { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("tracking_number")] public string? TrackingNumber { get; init; }
}

/// <summary>Every property of Stripe's customer; the ones the payload leaves out are typed loosely (JsonElement).</summary>
public sealed class CustomerDto
{
    [JsonPropertyName("address")] public AddressDto? Address { get; init; }
    [JsonPropertyName("balance")] public int? Balance { get; init; }
    [JsonPropertyName("created")] public required int Created { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("default_source")] public JsonElement? DefaultSource { get; init; }
    [JsonPropertyName("delinquent")] public bool? Delinquent { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("discount")] public JsonElement? Discount { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("invoice_prefix")] public string? InvoicePrefix { get; init; }
    [JsonPropertyName("invoice_settings")] public JsonElement? InvoiceSettings { get; init; }
    [JsonPropertyName("livemode")] public required bool Livemode { get; init; }
    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("next_invoice_sequence")] public int? NextInvoiceSequence { get; init; }
    [JsonPropertyName("object")] public required string Object { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("preferred_locales")] public List<string>? PreferredLocales { get; init; }
    [JsonPropertyName("shipping")] public ShippingDto? Shipping { get; init; }
    [JsonPropertyName("sources")] public JsonElement? Sources { get; init; }
    [JsonPropertyName("subscriptions")] public JsonElement? Subscriptions { get; init; }
    [JsonPropertyName("tax")] public JsonElement? Tax { get; init; }
    [JsonPropertyName("tax_exempt")] public string? TaxExempt { get; init; }
    [JsonPropertyName("tax_ids")] public JsonElement? TaxIds { get; init; }
    [JsonPropertyName("test_clock")] public JsonElement? TestClock { get; init; }
}

public sealed class CustomerListDto
{
    [JsonPropertyName("data")] public required List<CustomerDto> Data { get; init; }
    [JsonPropertyName("has_more")] public required bool HasMore { get; init; }
    [JsonPropertyName("object")] public required string Object { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomerListDto))]
public sealed partial class HandWrittenStripeContext : JsonSerializerContext;

public static class StripePayload
{
    public static CustomerListDto Customers(int count) => new()
    {
        Object = "list",
        Url = "/v1/customers",
        HasMore = true,
        Data = Enumerable.Range(0, count).Select(i => new CustomerDto
        {
            Id = "cus_" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            Object = "customer",
            Created = 1_700_000_000 + i,
            Livemode = false,
            Balance = i * 10,
            Currency = "eur",
            Delinquent = i % 7 == 0,
            Description = "Customer number " + i,
            Email = $"customer{i}@example.com",
            InvoicePrefix = "INV" + i,
            Name = "Customer " + i,
            NextInvoiceSequence = i + 1,
            Phone = "+49 30 1234" + i,
            TaxExempt = i % 2 == 0 ? "none" : "exempt",
            PreferredLocales = ["de", "en"],
            Metadata = new Dictionary<string, string> { ["tier"] = i % 3 == 0 ? "gold" : "silver", ["crm_id"] = "crm-" + i },
            Address = new AddressDto { City = "Berlin", Country = "DE", Line1 = "Alexanderplatz " + i, PostalCode = "10178" },
            Shipping = new ShippingDto
            {
                Name = "Customer " + i,
                Phone = "+49 30 5555" + i,
                Address = new AddressDto { City = "Hamburg", Country = "DE", Line1 = "Jungfernstieg " + i, Line2 = "3. OG", PostalCode = "20354", State = "HH" },
            },
        }).ToList(),
    };
}
