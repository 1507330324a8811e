using Tandem.Runtime;

namespace Tandem.Node.Handlers;

/// <summary>An exec probe or hook: the command's exit code decides (pkg/probe/exec).</summary>
internal sealed class ExecHandler(IContainerRuntime runtime)
{
    public async Task<HandlerOutcome> RunAsync(IReadOnlyList<string> command, HandlerTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ExecResult result;
        try
        {
            result = await runtime.ExecSyncAsync(target.ContainerId, command, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeException ex)
        {
            return HandlerOutcome.Error(ex.Message);
        }
        var output = result.Stdout + result.Stderr;
        if (result.TimedOut)
        {
            // An exec probe that times out is a failure (ExecProbeTimeout is GA), R24.
            return HandlerOutcome.Failure($"command \"{string.Join(' ', command)}\" timed out");
        }
        return result.ExitCode == 0 ? HandlerOutcome.Success(output) : HandlerOutcome.Failure(output.Length > 0 ? output : $"command exited with code {result.ExitCode}");
    }
}
