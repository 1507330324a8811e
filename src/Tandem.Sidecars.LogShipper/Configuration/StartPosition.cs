namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Where to start in a file that has no checkpoint and was there when the shipper started.</summary>
public enum StartPosition
{
    Beginning,
    End,
}
