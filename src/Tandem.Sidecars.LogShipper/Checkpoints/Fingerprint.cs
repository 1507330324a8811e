using System.Security.Cryptography;

namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>
/// A file's content identity: a hash of its first bytes. With device and inode it tells a renamed
/// file from a new one, a copy (copytruncate) from a stranger, and a reused inode from its old owner.
/// </summary>
public sealed record Fingerprint(int Length, string Hash)
{
    public static readonly Fingerprint Empty = new(0, "");

    public static Fingerprint Of(ReadOnlySpan<byte> prefix) => new(prefix.Length, Convert.ToHexStringLower(SHA256.HashData(prefix)));

    /// <summary>True when <paramref name="prefix"/> starts with the bytes this fingerprint was taken of.</summary>
    public bool MatchesStartOf(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= Length && (Length == 0 || Convert.ToHexStringLower(SHA256.HashData(prefix[..Length])) == Hash);
}
