namespace Tandem.Node.Logs;

/// <summary>
/// What to read from one container instance's log: the PodLogOptions the kubelet honours
/// (<c>follow</c>, <c>tailLines</c>, <c>sinceSeconds</c>/<c>sinceTime</c>, <c>timestamps</c>,
/// <c>limitBytes</c>, <c>stream</c>). The defaults read the whole file once.
/// </summary>
public sealed record LogReadOptions
{
    /// <summary>Keep reading as the container writes, until it has exited and everything is read.</summary>
    public bool Follow { get; init; }

    /// <summary>Start this many lines (of the selected streams) before the end; null for the whole file, 0 for none.</summary>
    public long? TailLines { get; init; }

    /// <summary>Skip lines written before this time; null for no limit. <c>sinceSeconds</c> is converted by the caller.</summary>
    public DateTimeOffset? Since { get; init; }

    public bool Timestamps { get; init; }

    /// <summary>Stop after this many bytes of output, cutting the last line; null for no limit.</summary>
    public long? LimitBytes { get; init; }

    public LogStreamSelection Streams { get; init; } = LogStreamSelection.All;

    internal bool Selects(LogStream stream) => Streams switch
    {
        LogStreamSelection.Stdout => stream == LogStream.Stdout,
        LogStreamSelection.Stderr => stream == LogStream.Stderr,
        _ => true,
    };
}
