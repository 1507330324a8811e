namespace Tandem.Model.CoreV1;

/// <summary>A call to the gRPC health checking protocol in the container.</summary>
public sealed record GrpcAction
{
    public int? Port { get; init; }

    public string? Service { get; init; }
}
