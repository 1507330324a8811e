using System.Runtime.InteropServices;

namespace Tandem.Cli.Daemon;

/// <summary>
/// How the daemon is asked to stop: SIGTERM or SIGINT for a full stop (every pod terminated in order), SIGUSR1 to stop
/// without touching the pods (<c>tandem down --keep-pods</c>; the next <c>tandem up</c> re-adopts them).
/// </summary>
internal sealed class DaemonSignals : IDisposable
{
    /// <summary>SIGUSR1 on Linux; <see cref="PosixSignalRegistration"/> takes raw signal numbers cast to <see cref="PosixSignal"/>.</summary>
    public const int KeepPodsSignal = 10;

    public const int StopSignal = 15;

    private readonly PosixSignalRegistration[] _registrations;
    private readonly CancellationTokenSource _stop = new();

    public DaemonSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, On),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, On),
            PosixSignalRegistration.Create((PosixSignal)KeepPodsSignal, On),
        ];
    }

    public CancellationToken Stop => _stop.Token;

    /// <summary>Whether the first stop request asked to leave the pods running.</summary>
    public bool KeepPods { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }

    private void On(PosixSignalContext context)
    {
        // Handled here: the process lives on to stop (or keep) its pods.
        context.Cancel = true;
        if (!_stop.IsCancellationRequested)
        {
            KeepPods = (int)context.Signal == KeepPodsSignal;
            _stop.Cancel();
        }
    }
}
