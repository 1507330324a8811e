namespace Tandem.Node.Volumes;

/// <summary>One file of a projected volume: its bytes and its permission bits.</summary>
public sealed record FileProjection(byte[] Data, int Mode)
{
    public bool SameAs(FileProjection other) => Mode == other.Mode && Data.AsSpan().SequenceEqual(other.Data);
}
