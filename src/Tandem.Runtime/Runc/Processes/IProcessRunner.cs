namespace Tandem.Runtime.Runc.Processes;

/// <summary>
/// Starts the host tools the driver drives (runc, skopeo, umoci, ip). One seam, so a test or a
/// benchmark can see every command the runtime runs.
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs a command to completion and captures its output; kills it when cancelled.</summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts a command and hands over its standard streams (for runc, whose container inherits them).</summary>
    IStartedProcess Start(ProcessSpec spec);
}
