namespace Tandem.Server.Streaming;

/// <summary>Which pod (and container) a streaming request is for, and the flags the checks depend on.</summary>
public sealed record PodStreamRequest(PodStreamKind Kind, string Namespace, string Pod, string? Container, bool Stdin = false, bool Tty = false);
