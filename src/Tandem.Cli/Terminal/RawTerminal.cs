using System.Runtime.InteropServices;

namespace Tandem.Cli.Terminal;

/// <summary>
/// Puts the local terminal in raw mode for <c>exec -t</c> (as kubectl's <c>term.SafeFunc</c> does) so keys such as
/// Ctrl-C reach the remote shell, and restores the saved settings when disposed, however the session ended.
/// </summary>
public sealed partial class RawTerminal : IDisposable
{
    // struct termios on Linux is 60 bytes; a larger buffer is harmless and survives ABI padding.
    private const int TermiosSize = 128;
    private const int TcsaNow = 0;
    private readonly int _fd;
    private readonly byte[] _saved;
    private bool _restored;

    private RawTerminal(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
    }

    public static bool IsTerminal(int fd) => IsATty(fd) == 1;

    /// <summary>Switches <paramref name="fd"/> to raw mode; null when it is not a terminal.</summary>
    public static RawTerminal? Enter(int fd = 0)
    {
        if (!IsTerminal(fd))
        {
            return null;
        }
        var saved = new byte[TermiosSize];
        if (TcGetAttr(fd, saved) != 0)
        {
            return null;
        }
        var raw = (byte[])saved.Clone();
        CfMakeRaw(raw);
        return TcSetAttr(fd, TcsaNow, raw) == 0 ? new RawTerminal(fd, saved) : null;
    }

    public void Dispose()
    {
        if (!_restored)
        {
            _restored = true;
            _ = TcSetAttr(_fd, TcsaNow, _saved);
        }
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static partial void CfMakeRaw(byte[] termios);
}
