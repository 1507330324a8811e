namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>What a full disk buffer does.</summary>
public enum WhenFull
{
    /// <summary>Stop reading until the sink drains the buffer: nothing is lost while the log files still hold the data.</summary>
    Block,

    /// <summary>Delete the oldest buffered data to keep reading the newest, counting what was dropped.</summary>
    DropOldest,
}
