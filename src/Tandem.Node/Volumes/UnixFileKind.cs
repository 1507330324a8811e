namespace Tandem.Node.Volumes;

/// <summary>What a path is, as <c>stat(2)</c>'s file type bits say.</summary>
public enum UnixFileKind
{
    Missing,
    Regular,
    Directory,
    Socket,
    CharDevice,
    BlockDevice,
    Fifo,
    Symlink,
}
