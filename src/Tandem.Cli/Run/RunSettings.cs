namespace Tandem.Cli.Run;

/// <summary>What <c>tandem run</c> was asked to do.</summary>
public sealed record RunSettings
{
    public required string File { get; init; }

    public required string StateDirectory { get; init; }

    /// <summary>Give up (terminate the pods in order, exit 124) when they have not completed by then.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Stop the pods in order after this long, as Ctrl-C would; exit 0 when they were all Ready then.</summary>
    public TimeSpan? StopAfter { get; init; }

    public bool Color { get; init; }
}
