using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>A TCP connect to the container; an accepted connection is success.</summary>
public sealed record TcpSocketAction
{
    public IntOrString? Port { get; init; }

    public string? Host { get; init; }
}
