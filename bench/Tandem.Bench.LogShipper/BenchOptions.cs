using System.Globalization;

namespace Tandem.Bench.LogShipper;

/// <summary>Command-line knobs; the defaults are the documented run.</summary>
public sealed record BenchOptions(int MiBPerFile, int IdleSeconds, int LatencySeconds, string? WriteDocs)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(64, 10, 20, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--mib-per-file" => options with { MiBPerFile = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--idle-seconds" => options with { IdleSeconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--latency-seconds" => options with { LatencySeconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--write-docs" => options with { WriteDocs = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --mib-per-file, --idle-seconds, --latency-seconds, --write-docs"),
            };
        }
        return options;
    }
}
