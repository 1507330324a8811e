using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tandem.Testing;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>
/// A real rsyslogd on 127.0.0.1 with its own configuration in a temp directory, receiving RFC 5424
/// over TCP (imtcp) and writing each message's APP-NAME and text to a file. rsyslog cannot listen
/// on port 0, so a free port is found by binding one and releasing it, retried if taken meanwhile.
/// </summary>
public sealed class RsyslogServer : IDisposable
{
    private readonly TempDirectory _dir = new();
    private Process? _process;

    public int Port { get; private set; }

    public string ReceivedFile => _dir.Combine("received.log");

    public static async Task<RsyslogServer> StartAsync()
    {
        Prerequisites.Require("cmd:rsyslogd");
        var server = new RsyslogServer();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await server.TryStartAsync())
            {
                return server;
            }
        }
        server.Dispose();
        throw new InvalidOperationException("rsyslogd did not start listening on any of five free ports");
    }

    /// <summary>Lines rsyslog wrote: <c>app-name|message</c>, newlines inside messages shown as <c>#012</c>.</summary>
    public IReadOnlyList<string> Received() =>
        File.Exists(ReceivedFile) ? File.ReadAllLines(ReceivedFile) : [];

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _dir.Dispose();
    }

    private async Task<bool> TryStartAsync()
    {
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var config = _dir.Combine("rsyslog.conf");
        File.WriteAllText(config, $"""
            global(workDirectory="{_dir.Path}")
            module(load="imtcp")
            input(type="imtcp" port="{Port}" address="127.0.0.1")
            template(name="line" type="string" string="%app-name%|%msg%\n")
            *.* action(type="omfile" file="{ReceivedFile}" template="line")
            """);
        var start = new ProcessStartInfo(Prerequisites.FindCommand("rsyslogd")!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-n", "-f", config, "-i", _dir.Combine("rsyslogd.pid") })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
        _process = null;
        return false;
    }
}
