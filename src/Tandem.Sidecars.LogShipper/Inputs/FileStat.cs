using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tandem.Sidecars.LogShipper.Checkpoints;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Device, inode and size of a file, which .NET does not expose. Uses <c>statx(2)</c> because its
/// struct layout is the same on every Linux architecture, unlike <c>struct stat</c>.
/// </summary>
public static partial class FileStat
{
    private const int AtEmptyPath = 0x1000;
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    public static bool TryGet(string path, out FileIdentity identity, out long size) => TryStatx(AtFdCwd, path, 0, out identity, out size, out _);

    /// <summary>Modification time in nanoseconds since the epoch, or 0 when the path cannot be read.</summary>
    public static long Modified(string path) => TryStatx(AtFdCwd, path, 0, out _, out _, out var modified) ? modified : 0;

    public static bool TryGet(SafeFileHandle handle, out FileIdentity identity, out long size) => TryGet(handle, out identity, out size, out _);

    /// <param name="modified">Modification time in nanoseconds: a rewrite to the same size still changes it.</param>
    public static bool TryGet(SafeFileHandle handle, out FileIdentity identity, out long size, out long modified)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return TryStatx((int)handle.DangerousGetHandle(), "", AtEmptyPath, out identity, out size, out modified);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static bool TryStatx(int dirFd, string path, int flags, out FileIdentity identity, out long size, out long modified)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (statx(dirFd, path, flags, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            identity = default;
            size = 0;
            modified = 0;
            return false;
        }
        // struct statx: stx_ino at 32, stx_size at 40, stx_mtime at 112, stx_dev_major at 136, stx_dev_minor at 140.
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]);
        size = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer[40..]);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);
        identity = new FileIdentity(device, inode);
        modified = (BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]) * 1_000_000_000) + BinaryPrimitives.ReadUInt32LittleEndian(buffer[120..]);
        return true;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirFd, string path, int flags, uint mask, ref byte buffer);
}
