namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>A span as the receiver decoded it; ids in lowercase hex, <c>Kind</c> 2 is SERVER.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, string? ServiceName, IReadOnlyDictionary<string, string> Attributes);
