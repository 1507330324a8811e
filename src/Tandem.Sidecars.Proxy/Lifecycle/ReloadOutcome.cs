namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>What a reload did.</summary>
public enum ReloadOutcome
{
    /// <summary>The new config is in service.</summary>
    Applied,

    /// <summary>The file holds the config already in service.</summary>
    Unchanged,

    /// <summary>The file is invalid; the last good config stays in service.</summary>
    Rejected,
}
