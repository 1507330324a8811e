namespace Tandem.Sidecars.Admin;

/// <summary>
/// Readiness a sidecar sets as it learns things: not ready with a reason at start, ready once its
/// dependencies answer, not ready again while draining. Reads are lock-free because probes and
/// request paths read it often; writes swap one immutable state so the flag and reason always agree.
/// </summary>
public sealed class ReadinessLatch : IReadinessLatch
{
    private State _state;

    public ReadinessLatch(string initialReason = "starting") => _state = new State(false, initialReason);

    public bool IsReady => Volatile.Read(ref _state).Ready;

    public string? Reason => Volatile.Read(ref _state).Reason;

    public void SetReady() => Volatile.Write(ref _state, new State(true, null));

    public void SetNotReady(string reason) => Volatile.Write(ref _state, new State(false, reason));

    private sealed record State(bool Ready, string? Reason);
}
