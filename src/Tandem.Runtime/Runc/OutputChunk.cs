namespace Tandem.Runtime.Runc;

/// <summary>One read of a container's stdout or stderr.</summary>
internal readonly record struct OutputChunk(bool Stderr, byte[] Data);
