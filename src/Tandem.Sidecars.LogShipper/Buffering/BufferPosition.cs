namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>A place in the disk buffer: segment number and byte offset in it.</summary>
public readonly record struct BufferPosition(long Segment, long Offset);
