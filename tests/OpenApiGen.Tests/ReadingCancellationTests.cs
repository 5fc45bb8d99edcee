using OpenApiGen.Model;
using OpenApiGen.Reading;

namespace OpenApiGen.Tests;

/// <summary>Issue 10: reading stops when the compilation cancels it, and a cancellation is never reported as a diagnostic.</summary>
public class ReadingCancellationTests
{
    [Fact]
    public void A_cancelled_read_throws_instead_of_reporting()
    {
        var seed = File.ReadAllText(TestPaths.Spec("openhands-delete-conversation.json"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var input = new SpecInput("/project/openhands.json", seed, "OpenHands.Api", null, "Client;Models", null);
        var features = new CompilationFeatures(HasAspNetCoreMvc: false, HasHttpClientFactory: false);

        Assert.ThrowsAny<OperationCanceledException>(() => SpecReader.Read(input, features, cancelled.Token));
        var read = SpecReader.Read(input, features, CancellationToken.None);
        Assert.NotNull(read.Spec);
        Assert.DoesNotContain(read.Diagnostics, d => d.Id == "OAG005");
    }
}
