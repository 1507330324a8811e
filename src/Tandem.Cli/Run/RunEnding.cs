namespace Tandem.Cli.Run;

/// <summary>Why <c>tandem run</c> stopped waiting for its pods.</summary>
internal enum RunEnding
{
    /// <summary>Every pod completed by itself (Succeeded or Failed).</summary>
    Completed,

    TimedOut,

    StopAfterElapsed,

    Interrupted,

    Terminated,
}
