using System.Runtime.InteropServices;

namespace Tandem.Sidecars.Admin;

/// <summary>
/// The stop sequence every sidecar shares. SIGTERM, SIGINT or <c>POST /shutdown</c> starts a
/// drain: <see cref="Draining"/> fires (stop accepting, report not ready, finish what is in flight)
/// and the grace timer starts; <see cref="GraceExpired"/> fires when the grace period is over and
/// the sidecar must give up on whatever is still running. The kubelet sends SIGKILL at the end of
/// terminationGracePeriodSeconds, so the grace configured here should be a little shorter than it.
/// Unlike Istio's fixed 5 s drain (istio#19564), the deadline is the configured grace.
/// </summary>
public sealed class DrainCoordinator : IDisposable
{
    private readonly TimeSpan _grace;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _draining = new();
    private readonly CancellationTokenSource _graceExpired = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly Lock _gate = new();
    private ITimer? _graceTimer;
    private string? _reason;

    /// <param name="grace">How long in-flight work may continue after the drain starts.</param>
    /// <param name="time">The clock the grace period is measured on.</param>
    /// <param name="handleSignals">
    /// Register SIGTERM and SIGINT (the process then does not die on them; the drain decides when
    /// to exit). Tests pass false and call <see cref="RequestDrain"/>.
    /// </param>
    public DrainCoordinator(TimeSpan grace, TimeProvider time, bool handleSignals = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        _grace = grace;
        _time = time;
        if (handleSignals)
        {
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        }
    }

    /// <summary>The grace period this coordinator gives in-flight work.</summary>
    public TimeSpan Grace => _grace;

    /// <summary>Fires once, when the drain starts.</summary>
    public CancellationToken Draining => _draining.Token;

    /// <summary>Fires once, <see cref="Grace"/> after the drain started.</summary>
    public CancellationToken GraceExpired => _graceExpired.Token;

    public bool IsDraining => _draining.IsCancellationRequested;

    /// <summary>What started the drain (<c>SIGTERM</c>, <c>POST /shutdown</c> ...), or null.</summary>
    public string? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>Starts the drain; later calls are ignored so the first reason and deadline stand.</summary>
    /// <returns>True if this call started the drain.</returns>
    public bool RequestDrain(string reason)
    {
        lock (_gate)
        {
            if (_reason is not null)
            {
                return false;
            }
            _reason = reason;
            _graceTimer = _time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _graceExpired, _grace, Timeout.InfiniteTimeSpan);
        }
        _draining.Cancel();
        return true;
    }

    /// <summary>Waits until a drain starts; throws if <paramref name="cancellationToken"/> fires first.</summary>
    public async Task WaitForDrainAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Draining, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Draining.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
        lock (_gate)
        {
            _graceTimer?.Dispose();
        }
        _draining.Dispose();
        _graceExpired.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the drain, not the runtime's default handler, decides when to exit.
        context.Cancel = true;
        RequestDrain(context.Signal.ToString());
    }
}
