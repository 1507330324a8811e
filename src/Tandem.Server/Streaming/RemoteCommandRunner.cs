using Tandem.Model.Meta;
using Tandem.Runtime;

namespace Tandem.Server.Streaming;

/// <summary>Runs the exec or attach of a session, whatever its transport, and says how it ended as a <see cref="Status"/>.</summary>
internal static class RemoteCommandRunner
{
    public static async Task<Status> RunAsync(IPodStreams pods, PodStreamKind kind, PodStreamTarget target, RemoteCommandOptions options,
        StreamingIo io, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == PodStreamKind.Exec)
            {
                return StreamStatus.Exited(await pods.ExecAsync(target, options.Command, io, cancellationToken).ConfigureAwait(false));
            }
            await pods.AttachAsync(target, io, cancellationToken).ConfigureAwait(false);
            return StreamStatus.Exited(0);
        }
        catch (RuntimeException e)
        {
            return StreamStatus.CouldNotRun(e.Message);
        }
    }
}
