namespace Tandem.Model.CoreV1;

/// <summary>What a lifecycle hook does: exactly one of exec, httpGet, tcpSocket or sleep.</summary>
public sealed record LifecycleHandler
{
    public ExecAction? Exec { get; init; }

    public HttpGetAction? HttpGet { get; init; }

    public TcpSocketAction? TcpSocket { get; init; }

    public SleepAction? Sleep { get; init; }
}
