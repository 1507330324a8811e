using System.Runtime.InteropServices;

namespace Tandem.Cli.Run;

/// <summary>
/// SIGINT and SIGTERM while <c>tandem run</c> runs: the first asks for an ordered stop (<see cref="Stop"/>), the second
/// for an immediate one (<see cref="Kill"/>: every container is SIGKILLed, then everything is still cleaned up).
/// </summary>
internal sealed class RunSignals : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _kill = new();

    public RunSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, On);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, On);
    }

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Kill => _kill.Token;

    public PosixSignal? Received { get; private set; }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
        _kill.Dispose();
    }

    private void On(PosixSignalContext context)
    {
        // Handled here: the process must live on to stop its pods.
        context.Cancel = true;
        if (Received is null)
        {
            Received = context.Signal;
            _stop.Cancel();
        }
        else
        {
            _kill.Cancel();
        }
    }
}
