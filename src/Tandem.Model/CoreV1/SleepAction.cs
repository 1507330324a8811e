namespace Tandem.Model.CoreV1;

/// <summary>A hook that only waits.</summary>
public sealed record SleepAction
{
    public long? Seconds { get; init; }
}
