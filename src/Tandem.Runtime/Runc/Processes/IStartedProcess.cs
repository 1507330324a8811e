namespace Tandem.Runtime.Runc.Processes;

/// <summary>A running command whose standard streams belong to the caller.</summary>
public interface IStartedProcess : IDisposable
{
    int Pid { get; }

    Stream StandardInput { get; }

    Stream StandardOutput { get; }

    Stream StandardError { get; }

    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    void Kill();
}
