using System.Net.Sockets;
using Tandem.Node.Volumes;

namespace Tandem.Node.Tests.Volumes;

public sealed class HostPathCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tandem-hostpath-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DirectoryOrCreate_CreatesTheDirectory()
    {
        var path = Path.Combine(_root, "a", "b");

        HostPathCheck.Apply("data", path, "DirectoryOrCreate");

        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void FileOrCreate_CreatesAnEmptyFile()
    {
        var path = Path.Combine(_root, "f.txt");

        HostPathCheck.Apply("data", path, "FileOrCreate");

        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("Directory", "file", "is not a directory")]
    [InlineData("Directory", "missing", "is not a directory")]
    [InlineData("DirectoryOrCreate", "file", "is not a directory")]
    [InlineData("File", "dir", "is not a file")]
    [InlineData("FileOrCreate", "dir", "is not a file")]
    [InlineData("Socket", "file", "is not a socket file")]
    [InlineData("CharDevice", "file", "is not a character device")]
    [InlineData("BlockDevice", "dir", "is not a block device")]
    public void WrongKindOfPath_FailsWithTheKubeletsMessage(string type, string what, string message)
    {
        var path = Path.Combine(_root, what);
        if (what == "file")
        {
            File.WriteAllText(path, "x");
        }
        else if (what == "dir")
        {
            Directory.CreateDirectory(path);
        }

        var error = Assert.Throws<VolumeSetupError>(() => HostPathCheck.Apply("data", path, type));

        Assert.Equal($"hostPath type check failed: {path} {message}", error.Message);
        Assert.Equal($"MountVolume.SetUp failed for volume \"data\" : hostPath type check failed: {path} {message}", error.EventMessage);
    }

    [Fact]
    public void Socket_And_CharDevice_AcceptTheRealThing()
    {
        var socketPath = Path.Combine(_root, "s.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        HostPathCheck.Apply("s", socketPath, "Socket");
        HostPathCheck.Apply("null", "/dev/null", "CharDevice");
    }

    [Fact]
    public void NoType_ChecksNothing()
    {
        HostPathCheck.Apply("data", Path.Combine(_root, "missing"), "");
        HostPathCheck.Apply("data", Path.Combine(_root, "missing"), null);
    }
}
