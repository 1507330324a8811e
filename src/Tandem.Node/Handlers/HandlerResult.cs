namespace Tandem.Node.Handlers;

/// <summary>How running a probe or hook handler ended.</summary>
public enum HandlerResult
{
    Success,

    /// <summary>The handler ran and said no (exit code, HTTP status, refused connection, NOT_SERVING).</summary>
    Failure,

    /// <summary>The handler could not run at all (no such port name, the container is gone); R24 retries it.</summary>
    Error,
}
