using System.Diagnostics;
using System.Text;

namespace Tandem.Bench.LogShipper;

/// <summary>Sequence-numbered lines of a fixed size, like Vector's verifiable logger; <c>t=</c> carries the write time.</summary>
public static class Generator
{
    public static string Line(string id, int size, long writtenAt = 0)
    {
        var head = $"t={writtenAt} id={id} ";
        return head + new string('x', Math.Max(0, size - head.Length - 1)) + "\n";
    }

    public static void WriteFiles(string dir, int files, int mibPerFile, int lineSize)
    {
        Parallel.For(0, files, f =>
        {
            using var file = new FileStream(Path.Combine(dir, $"app{f}.log"), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
            var lines = mibPerFile * (1L << 20) / lineSize;
            for (long i = 0; i < lines; i++)
            {
                file.Write(Encoding.ASCII.GetBytes(Line($"f{f}-{i:D8}", lineSize)));
            }
        });
    }

    /// <summary>Writes <paramref name="perSecond"/> lines a second, each stamped with its write time.</summary>
    public static async Task WriteAtRateAsync(string path, int perSecond, TimeSpan duration)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var perTick = perSecond / 100;
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            for (var i = 0; i < perTick; i++)
            {
                file.Write(Encoding.ASCII.GetBytes(Line($"lat-{n++}", 256, Stopwatch.GetTimestamp())));
                file.Flush();
            }
        }
    }
}
