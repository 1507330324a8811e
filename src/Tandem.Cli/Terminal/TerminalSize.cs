using System.Runtime.InteropServices;

namespace Tandem.Cli.Terminal;

/// <summary>The local terminal's size in characters (TIOCGWINSZ), or null when there is no terminal.</summary>
public static partial class TerminalSize
{
    private const ulong TiocGWinSz = 0x5413;

    public static (int Width, int Height)? Read(int fd = 1)
    {
        var size = new ushort[4];
        if (IoCtl(fd, TiocGWinSz, size) != 0 || size[1] == 0)
        {
            return null;
        }
        // struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel.
        return (size[1], size[0]);
    }

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int IoCtl(int fd, ulong request, [Out] ushort[] winsize);
}
