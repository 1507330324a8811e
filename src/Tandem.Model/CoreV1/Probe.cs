namespace Tandem.Model.CoreV1;

/// <summary>A periodic health check of a container: exactly one handler plus timing.</summary>
public sealed record Probe
{
    public ExecAction? Exec { get; init; }

    public HttpGetAction? HttpGet { get; init; }

    public TcpSocketAction? TcpSocket { get; init; }

    public GrpcAction? Grpc { get; init; }

    public int? InitialDelaySeconds { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? PeriodSeconds { get; init; }

    public int? SuccessThreshold { get; init; }

    public int? FailureThreshold { get; init; }

    public long? TerminationGracePeriodSeconds { get; init; }
}
