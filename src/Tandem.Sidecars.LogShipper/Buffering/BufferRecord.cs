namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>One batch read from the disk buffer, and where reading continues once it is delivered.</summary>
public sealed record BufferRecord(byte[] Payload, BufferPosition Next);
