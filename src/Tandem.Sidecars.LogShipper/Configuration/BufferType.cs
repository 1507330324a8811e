namespace Tandem.Sidecars.LogShipper.Configuration;

public enum BufferType
{
    /// <summary>Read events wait in memory (bounded); while a sink is down the reader stops and data waits in the log files.</summary>
    Memory,

    /// <summary>Read events go to a bounded on-disk queue first, so rotated-away or deleted files and restarts do not matter while a sink is down.</summary>
    Disk,
}
