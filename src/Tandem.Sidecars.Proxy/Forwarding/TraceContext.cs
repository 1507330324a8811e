using System.Diagnostics;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// W3C trace context (traceparent): the proxy is one hop of the trace, so it keeps the caller's
/// trace id, puts its own span id in the parent field it forwards, and starts a trace when the
/// caller sent none or a malformed one.
/// </summary>
internal static class TraceContext
{
    /// <returns>The traceparent to send upstream and the trace id for the access log.</returns>
    public static (string TraceParent, string TraceId) NextHop(string? incoming)
    {
        var span = ActivitySpanId.CreateRandom().ToHexString();
        if (incoming is { Length: 55 } && incoming[2] == '-' && incoming[35] == '-' && incoming[52] == '-'
            && incoming.StartsWith("00", StringComparison.Ordinal)
            && IsLowerHex(incoming.AsSpan(3, 32)) && IsLowerHex(incoming.AsSpan(36, 16)) && IsLowerHex(incoming.AsSpan(53, 2))
            && !IsAllZero(incoming.AsSpan(3, 32)) && !IsAllZero(incoming.AsSpan(36, 16)))
        {
            var traceId = incoming.Substring(3, 32);
            return ($"00-{traceId}-{span}-{incoming.AsSpan(53, 2)}", traceId);
        }
        var newTrace = ActivityTraceId.CreateRandom().ToHexString();
        return ($"00-{newTrace}-{span}-01", newTrace);
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAllZero(ReadOnlySpan<char> text) => !text.ContainsAnyExcept('0');
}
