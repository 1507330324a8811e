using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Tandem.Bench.Proxy;

/// <summary>
/// Open-loop, constant-rate HTTP/1.1 load with microsecond timing and coordinated-omission
/// correction. Request i is due at start + i/rate whatever happened before; latency is measured
/// from that due time, not from when the request was actually sent, so a stall shows up in the
/// latency of every request it delayed (wrk and other closed-loop tools hide those). Requests are
/// spread round robin over keep-alive connections, one thread each, with plain blocking sockets so
/// the generator adds as little as possible of its own.
/// </summary>
internal static class OpenLoopLoad
{
    public static int Run(string[] args)
    {
        var options = Parse(args);
        var uri = new Uri(options["url"]);
        var rate = double.Parse(options.GetValueOrDefault("rate", "1000"), CultureInfo.InvariantCulture);
        var connections = int.Parse(options.GetValueOrDefault("connections", "16"), CultureInfo.InvariantCulture);
        var duration = double.Parse(options.GetValueOrDefault("duration", "60"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(options.GetValueOrDefault("warmup", "15"), CultureInfo.InvariantCulture);
        var total = (long)((duration + warmup) * rate);
        var warmupCount = (long)(warmup * rate);
        var header = options.TryGetValue("header", out var extra) ? extra + "\r\n" : "";
        var request = Encoding.ASCII.GetBytes($"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUser-Agent: tandem-bench\r\n{header}\r\n");
        var latencies = new long[connections][];
        var errors = 0L;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var threads = new Thread[connections];
        for (var c = 0; c < connections; c++)
        {
            var index = c;
            threads[c] = new Thread(() =>
            {
                // PR_SET_TIMERSLACK: wake this thread's sleeps on time rather than up to 50 µs late.
                _ = prctl(29, 1, 0, 0, 0);
                var mine = new List<long>((int)(total / connections) + 1);
                using var socket = Connect(uri);
                var buffer = new byte[64 * 1024];
                for (var i = (long)index; i < total; i += connections)
                {
                    var due = start + (long)(i * Stopwatch.Frequency / rate);
                    WaitUntil(due);
                    try
                    {
                        socket.Write(request);
                        ReadResponse(socket, buffer);
                    }
                    catch (Exception e) when (e is SocketException or IOException)
                    {
                        Interlocked.Increment(ref errors);
                        return;
                    }
                    if (i >= warmupCount)
                    {
                        mine.Add(Stopwatch.GetTimestamp() - due);
                    }
                }
                latencies[index] = [.. mine];
            }) { IsBackground = true, Priority = ThreadPriority.Highest };
            threads[c].Start();
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Select(t => t * 1_000_000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(all);
        string P(double q) => all.Length == 0 ? "n/a" : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)].ToString("F0", CultureInfo.InvariantCulture);
        // One line of JSON, microseconds: easy for the script to collect.
        Console.WriteLine($"{{\"requests\":{all.Length},\"errors\":{errors},\"p50_us\":{P(0.50)},\"p90_us\":{P(0.90)},\"p99_us\":{P(0.99)},\"p999_us\":{P(0.999)},\"max_us\":{(all.Length == 0 ? 0 : all[^1]).ToString("F0", CultureInfo.InvariantCulture)}}}");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>A keep-alive connection; for https, TLS with any certificate (the benchmark's own self-signed one).</summary>
    private static Stream Connect(Uri uri)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(IPAddress.Parse(uri.Host), uri.Port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        if (uri.Scheme != "https")
        {
            return stream;
        }
        var tls = new SslStream(stream);
        tls.AuthenticateAsClient(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return tls;
    }

    /// <summary>
    /// Sleeps until the due time with nanosleep on a thread whose timer slack is 1 ns, so the kernel's
    /// high-resolution timer wakes it within a few µs, without spinning: 16 spinning threads would
    /// steal the core the backend runs on and measure themselves. Any wake-up lateness is inside
    /// every target's latency alike (the direct baseline included), so it cancels in "added latency".
    /// </summary>
    private static void WaitUntil(long due)
    {
        var left = due - Stopwatch.GetTimestamp();
        if (left <= 0)
        {
            return;
        }
        var nanoseconds = left * 1_000_000_000 / Stopwatch.Frequency;
        var request = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        _ = nanosleep(ref request, IntPtr.Zero);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int nanosleep(ref Timespec request, IntPtr remaining);

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Reads one response with a Content-Length body (the benchmark's backend always sends one).</summary>
    private static void ReadResponse(Stream socket, byte[] buffer)
    {
        var filled = 0;
        var headerEnd = -1;
        var bodyLength = 0;
        while (true)
        {
            var read = socket.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw new IOException("connection closed");
            }
            filled += read;
            if (headerEnd < 0)
            {
                headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
                if (headerEnd < 0)
                {
                    continue;
                }
                var headers = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                if (!headers.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                {
                    throw new IOException("status: " + headers.Split('\r')[0]);
                }
                var at = headers.IndexOf("\r\ncontent-length:", StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    throw new IOException("no content-length");
                }
                var end = headers.IndexOf('\r', at + 2);
                bodyLength = int.Parse(headers.AsSpan(at + 17, (end < 0 ? headers.Length : end) - at - 17).Trim(), CultureInfo.InvariantCulture);
                headerEnd += 4;
            }
            if (filled - headerEnd >= bodyLength)
            {
                return;
            }
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }
        return options;
    }
}
