namespace Tandem.Sidecars.LogShipper.Configuration;

public enum FilterAction
{
    /// <summary>Events that match are dropped.</summary>
    Drop,

    /// <summary>Only events that match are kept.</summary>
    Keep,
}
