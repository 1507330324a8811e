namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>Device and inode: which file on the machine, independent of its name.</summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    public override string ToString() => $"{Device}:{Inode}";
}
