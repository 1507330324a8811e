using System.Runtime.InteropServices;

namespace Tandem.Node.Volumes;

/// <summary>Reads a path's file type with <c>stat(2)</c> (follows symlinks, as the kubelet does).</summary>
internal static partial class UnixFileKindReader
{
    private const uint TypeMask = 0xF000;

    public static UnixFileKind Read(string path)
    {
        // struct stat on x86_64 Linux: st_mode is the 32-bit field at offset 24.
        Span<byte> buffer = stackalloc byte[256];
        if (Stat(path, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return UnixFileKind.Missing;
        }
        var mode = BitConverter.ToUInt32(buffer[24..28]);
        return (mode & TypeMask) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0xC000 => UnixFileKind.Socket,
            0x2000 => UnixFileKind.CharDevice,
            0x6000 => UnixFileKind.BlockDevice,
            0x1000 => UnixFileKind.Fifo,
            0xA000 => UnixFileKind.Symlink,
            _ => UnixFileKind.Missing,
        };
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, ref byte buffer);
}
