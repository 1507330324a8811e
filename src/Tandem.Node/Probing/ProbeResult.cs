namespace Tandem.Node.Probing;

/// <summary>
/// A published probe result for one container instance (prober <c>results.Result</c>). <see cref="Unknown"/>
/// also stands for "no result for this container id yet", which the kubelet treats the same way.
/// </summary>
public enum ProbeResult
{
    Unknown,
    Success,
    Failure,
}
