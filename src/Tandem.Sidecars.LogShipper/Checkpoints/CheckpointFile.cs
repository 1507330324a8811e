namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>The checkpoint file's content: a version so a future format can tell old files apart.</summary>
public sealed record CheckpointFile(int Version, IReadOnlyList<CheckpointRecord> Streams);
