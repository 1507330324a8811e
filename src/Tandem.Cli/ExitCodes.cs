namespace Tandem.Cli;

/// <summary>Exit codes shared by every verb, so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found or caused a failure (lint errors, a pod that failed).</summary>
    public const int Failure = 1;

    /// <summary>The input could not be read or the command line was wrong.</summary>
    public const int UsageOrInput = 2;

    /// <summary><c>tandem status</c>: the daemon is not running (as <c>systemctl status</c> reports an inactive unit).</summary>
    public const int NotRunning = 3;

    /// <summary>A time limit (<c>tandem run --timeout</c>) ran out, as <c>timeout(1)</c> reports it.</summary>
    public const int TimedOut = 124;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), as shells report it.</summary>
    public const int Terminated = 143;
}
