namespace Tandem.Runtime.Images;

/// <summary>Turns skopeo's error text into the runtime's error codes, with a message that says what to do.</summary>
internal static class SkopeoErrors
{
    public static RuntimeException Classify(string image, string registry, string stderr)
    {
        var detail = LastMessage(stderr);
        if (Has(stderr, "manifest unknown") || Has(stderr, "name unknown") || Has(stderr, "not found") || Has(stderr, "no image found"))
        {
            var why = Has(stderr, "manifest unknown") ? "manifest unknown" : Has(stderr, "name unknown") ? "repository unknown" : "not found";
            return new RuntimeException(RuntimeErrorCode.NotFound, $"image \"{image}\" not found in registry {registry} ({why}); check the name and tag");
        }
        if (Has(stderr, "unauthorized") || Has(stderr, "authentication required") || Has(stderr, "denied"))
        {
            return new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                $"registry {registry} refused access to \"{image}\" ({detail}); give credentials with imagePullSecrets or ~/.docker/config.json");
        }
        if (Has(stderr, "connection refused") || Has(stderr, "no such host") || Has(stderr, "i/o timeout") || Has(stderr, "dial tcp")
            || Has(stderr, "pinging container registry") || Has(stderr, "TLS handshake") || Has(stderr, "server gave HTTP response to HTTPS"))
        {
            return new RuntimeException(RuntimeErrorCode.Unavailable, $"registry {registry} is unreachable while pulling \"{image}\" ({detail}); check that it is running and reachable");
        }
        return new RuntimeException(RuntimeErrorCode.Internal, $"pulling \"{image}\" failed: {detail}");
    }

    /// <summary>skopeo ends with a logrus line <c>level=fatal msg="…"</c>; its message is the useful part.</summary>
    public static string LastMessage(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error output";
        var msg = line.IndexOf("msg=\"", StringComparison.Ordinal);
        if (msg < 0)
        {
            return line;
        }
        var text = line[(msg + 5)..];
        var end = text.LastIndexOf('"');
        return (end > 0 ? text[..end] : text).Replace("\\\"", "\"", StringComparison.Ordinal);
    }

    private static bool Has(string text, string what) => text.Contains(what, StringComparison.OrdinalIgnoreCase);
}
