using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The socket runc hands a container's terminal to (<c>runc run --console-socket</c>): for <c>tty: true</c> runc
/// allocates a pseudo-terminal inside the container and sends its master side over this Unix socket as an
/// <c>SCM_RIGHTS</c> message. Whoever holds the master reads the container's output (stdout and stderr are one
/// stream on a terminal, which the kubelet logs as stdout) and may write its input.
/// </summary>
internal sealed partial class ConsoleSocket : IDisposable
{
    private const int SolSocket = 1;
    private const int ScmRights = 1;
    private readonly Socket _listener;

    private ConsoleSocket(string path, Socket listener)
    {
        Path = path;
        _listener = listener;
    }

    public string Path { get; }

    public static ConsoleSocket Listen(string path)
    {
        File.Delete(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        return new ConsoleSocket(path, listener);
    }

    /// <summary>Waits for runc to connect and send the terminal's master; returns it as an open file.</summary>
    public async Task<FileStream> ReceiveMasterAsync(CancellationToken cancellationToken)
    {
        using var connection = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        var fd = ReceiveDescriptor(connection.Handle);
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, bufferSize: 0);
    }

    public void Dispose()
    {
        _listener.Dispose();
        File.Delete(Path);
    }

    private static unsafe nint ReceiveDescriptor(nint socket)
    {
        // The payload is the terminal's name; the descriptor rides in one cmsghdr (len, level, type) followed by an int.
        var name = stackalloc byte[256];
        var control = stackalloc byte[64];
        var vector = new IoVector { Base = name, Length = 256 };
        var message = new MessageHeader { Vector = &vector, VectorLength = 1, Control = control, ControlLength = 64 };
        if (RecvMsg(socket, &message, 0) < 0)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"receiving the container's terminal from runc failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
        var header = (ControlHeader*)control;
        if (message.ControlLength < (nuint)sizeof(ControlHeader) + sizeof(int) || header->Level != SolSocket || header->Type != ScmRights)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, "runc connected to the console socket but sent no terminal");
        }
        return *(int*)(control + sizeof(ControlHeader));
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static unsafe partial nint RecvMsg(nint socket, MessageHeader* message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ControlHeader
    {
        public nuint Length;
        public int Level;
        public int Type;
    }
}
