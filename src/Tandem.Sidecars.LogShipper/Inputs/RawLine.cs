namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>A line (or joined lines) on its way from the file to an event, with the offset just past it.</summary>
public readonly record struct RawLine(byte[] Bytes, long EndOffset, bool Truncated, DateTimeOffset? Time = null, string? Stream = null);
