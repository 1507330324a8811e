namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>One stream as stored in the checkpoint file.</summary>
public sealed record CheckpointRecord(
    long Id,
    ulong Device,
    ulong Inode,
    int FingerprintLength,
    string FingerprintHash,
    string Path,
    long Offset);
