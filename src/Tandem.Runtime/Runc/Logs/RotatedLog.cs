namespace Tandem.Runtime.Runc.Logs;

/// <summary>
/// One rotated file of a container log: its path, the UTC second it was rotated
/// (<c>20060102-150405</c>), the sequence within that second (0 for the first) and whether it is
/// gzip-compressed. Ordered by rotation: stamp, then sequence.
/// </summary>
public readonly record struct RotatedLog(string Path, string Stamp, int Sequence, bool Compressed) : IComparable<RotatedLog>
{
    public int CompareTo(RotatedLog other) =>
        string.CompareOrdinal(Stamp, other.Stamp) is var byStamp and not 0 ? byStamp : Sequence.CompareTo(other.Sequence);

    /// <summary>True when both are the same rotation (the plain file and its <c>.gz</c> while it is being compressed).</summary>
    public bool SameRotation(RotatedLog other) => CompareTo(other) == 0;
}
