using System.Diagnostics;
using System.Text.Json.Nodes;
using Tandem.Model.Sources;

namespace Tandem.Model.Tests.Sources;

/// <summary>Short ways for the Sources tests to read YAML and assert on the outcome.</summary>
internal static class Reads
{
    public const string File = "pod.yaml";

    /// <summary>Generous for CI; only ever an upper bound, never a measurement.</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(2);

    public static ManifestDocument Document(string yaml, ManifestReaderOptions? options = null)
    {
        var result = ManifestReader.Read(yaml, File, options);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return Assert.Single(result.Documents);
    }

    /// <summary>The value of the key <c>v</c> in a one-line document <c>v: ...</c>.</summary>
    public static JsonNode? Value(string scalar) => Document("v: " + scalar + "\n").Content["v"];

    public static ManifestReadError Failure(string yaml, ManifestReaderOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var result = ManifestReader.Read(yaml, File, options);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeBound);
        Assert.False(result.IsSuccess, "expected an error, got " + result);
        Assert.Equal(File, result.Error.Location.File);
        return result.Error;
    }

    /// <summary>Asserts the error is at <paramref name="position"/> (<c>line:column</c>) and says <paramref name="says"/>.</summary>
    public static void At(ManifestReadError error, string position, string says)
    {
        Assert.StartsWith($"{error.Location.File}:{position}: ", error.ToString());
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    public static string Position(SourceLocation? location) =>
        location is { } at ? $"{at.Line}:{at.Column}" : "none";
}
