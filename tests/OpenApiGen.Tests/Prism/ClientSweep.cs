using System.Reflection;
using OpenApiGen.Model;

namespace OpenApiGen.Tests.Prism;

/// <summary>
/// One call of one operation through Prism: whether Prism accepted the request, whether the client read the answer,
/// and what Prism found wrong with the response (behind `prism proxy`: the server's; behind `prism mock`: Prism's own).
/// </summary>
public sealed record CallOutcome(string Operation, string Mode, bool Accepted, bool Read, string? Failure, string? ResponseViolations = null)
{
    /// <summary>Why Prism refused the spec's own example before a schema sample was accepted (a spec error), or null.</summary>
    public string? ExampleRefused { get; init; }

    /// <summary>The JSON body the client could not read and its media type (ReceivedBodyProof validates it); null otherwise.</summary>
    public string? ReceivedBody { get; init; }

    public string? ReceivedMediaType { get; init; }
}

/// <summary>
/// Calls every selected operation of a generated client against `prism mock -d`: three dynamic calls (schema-random
/// responses) and one static call (the spec's examples), each with the sampled arguments.
/// </summary>
public sealed class ClientSweep(GeneratedClient generated, OperationSamples samples, Func<Task<PrismServer>> startPrism, bool withCredentials = true) : IAsyncDisposable
{
    private PrismServer? _prism;

    /// <summary>Prism startups (the first, and restarts after Prism crashed on a request) and how long each took.</summary>
    public List<TimeSpan> Startups { get; } = [];

    public async ValueTask DisposeAsync()
    {
        if (_prism is not null) await _prism.DisposeAsync();
    }

    private async Task<PrismServer> PrismAsync()
    {
        if (_prism is { HasExited: false }) return _prism;
        if (_prism is not null) await _prism.DisposeAsync();
        _prism = await startPrism();
        Startups.Add(_prism.StartupTime);
        return _prism;
    }

    public const int DynamicCalls = 3;

    private const string Refused = "request refused ";

    private const string NotSent = "no answer: ";

    /// <summary>Marks a failure on a response that Prism itself reports as breaking the spec: not the client's fault.</summary>
    public const string PrismInvalidResponse = "[Prism's own response violates the spec]";

    public async Task<IReadOnlyList<CallOutcome>> RunAsync(IEnumerable<(OperationGroup Group, OperationDef Operation)> operations)
    {
        using var recorder = new PrismExchangeRecorder();
        var prism = await PrismAsync();
        var client = generated.CreateClient(recorder, prism.BaseAddress, withCredentials);
        var arguments = new ArgumentBuilder(generated, samples);
        var outcomes = new List<CallOutcome>();
        foreach (var (group, operation) in operations)
        {
            var label = operation.Method + " " + operation.Path + " (" + group.Name + "." + operation.Name + ")";
            for (var call = 0; call <= DynamicCalls; call++)
            {
                var (target, method) = generated.Find(client, group, operation);
                recorder.Dynamic = call < DynamicCalls;
                var mode = recorder.Dynamic ? "dynamic" : "static";
                var outcome = await CallAsync(label, mode, () => Invoke(target, method, arguments.Build(operation, method)), recorder);
                // Prism refused the spec's examples: try the schema samples before calling it a failure.
                for (var variant = 1; variant < arguments.Variants(operation) && outcome is { Accepted: false, Failure: { } refusal } && refusal.StartsWith(Refused, StringComparison.Ordinal) && !prism.HasExited; variant++)
                {
                    var retry = await CallAsync(label, mode, () => Invoke(target, method, arguments.Build(operation, method, variant)), recorder);
                    outcome = retry.Accepted ? retry with { ExampleRefused = refusal } : outcome;
                }
                if (outcome.Failure?.StartsWith(NotSent, StringComparison.Ordinal) == true) prism.WaitForExit(TimeSpan.FromSeconds(3));
                if (prism.HasExited)
                {
                    // Prism died on this request: record why, and go on with a fresh Prism (and a client pointing at it).
                    outcome = outcome with { Accepted = false, Read = false, Failure = "Prism crashed on the request: " + prism.LastLines(4) };
                    prism = await PrismAsync();
                    client = generated.CreateClient(recorder, prism.BaseAddress, withCredentials);
                }
                outcomes.Add(outcome);
                PrismReport.Progress(outcome);
            }
        }
        return outcomes;
    }

    private async Task<CallOutcome> CallAsync(string label, string mode, Func<Task> call, PrismExchangeRecorder recorder)
    {
        Exception? error = null;
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            error = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
        }
        var exchanges = recorder.TakeExchanges();
        if (error is SampleException) return new CallOutcome(label, mode, false, false, "arguments: " + error.Message);
        if (exchanges.Count == 0) return new CallOutcome(label, mode, false, false, NotSent + Describe(error));
        var last = exchanges[^1];
        if (!last.Accepted)
        {
            return new CallOutcome(label, mode, false, false, Refused + "(" + last.Status + "): " + (last.RequestViolations ?? last.PrismError) + " | " + last.Method + " " + last.Url + (last.Sent is { } sent ? " | " + sent : ""), last.ResponseViolations);
        }
        if (error is null || IsDocumentedError(error)) return new CallOutcome(label, mode, true, true, null, last.ResponseViolations);
        return new CallOutcome(label, mode, true, false, "response (" + last.Status + "): " + Describe(error)
            + (last.ResponseViolations is { } invalid ? " " + PrismInvalidResponse + " " + invalid : ""), last.ResponseViolations)
        {
            ReceivedBody = last.Body,
            ReceivedMediaType = last.MediaType,
        };
    }

    /// <summary>
    /// A documented error status read into its typed exception is a response read correctly; so is a documented error
    /// status without a body schema (Prism answers one when the operation documents no 2XX at all). 3XX stay failures.
    /// </summary>
    private bool IsDocumentedError(Exception error) =>
        generated.ApiExceptionType.IsInstanceOfType(error) && (error.GetType().IsGenericType
            || error.InnerException is null && Member(error, "IsDocumented") is true && Member(error, "StatusCode") is >= 400);

    private static object? Member(Exception error, string name) => error.GetType().GetProperty(name)?.GetValue(error);

    private static string Describe(Exception? error) => error is null ? "-" : error.GetType().Name + ": " + error.Message + (error.InnerException is { } inner ? " ---> " + inner.GetType().Name + ": " + inner.Message + JsonAt(inner) : "") + JsonAt(error);

    /// <summary>Where a JsonException with its own message (missing required members, a union's "no variant") failed:
    /// STJ keeps that path in JsonException.Path, out of the message. KnownCauses matches it against Prism's violations.</summary>
    private static string JsonAt(Exception error) =>
        error is System.Text.Json.JsonException { Path: { } path } json && !json.Message.Contains("Path: ", StringComparison.Ordinal) ? " " + JsonAtMarker + path + "]" : "";

    public const string JsonAtMarker = "[JSON at ";

    private static async Task Invoke(object target, MethodInfo method, object?[] arguments)
    {
        var task = (Task)method.Invoke(target, arguments)!;
        await task;
        // Streamed bodies (binary responses) are read to the end: reading is part of the check.
        if (task.GetType().GetProperty("Result")?.GetValue(task) is Stream stream)
        {
            await using (stream) await stream.CopyToAsync(Stream.Null);
        }
    }
}
