namespace Tandem.Cli.Daemon;

/// <summary>What <c>tandem status</c> reports (its <c>-o json</c> form).</summary>
public sealed record DaemonStatus
{
    public required bool Running { get; init; }

    public int? Pid { get; init; }

    public string? Address { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public long? UptimeSeconds { get; init; }

    public string? Version { get; init; }

    public required string StateDirectory { get; init; }

    public required string LogFile { get; init; }

    public string? Context { get; init; }

    /// <summary>Pods by phase, as the API lists them; null when the API did not answer.</summary>
    public IReadOnlyDictionary<string, int>? Pods { get; init; }

    /// <summary>Why the API did not answer, when it did not.</summary>
    public string? ApiError { get; init; }
}
