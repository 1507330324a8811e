using System.Diagnostics;
using System.Globalization;

namespace Tandem.Bench.LogShipper;

/// <summary>The measured runs. Each starts its subject as a child process and watches it through /proc.</summary>
public static class Runs
{
    public const int IdleFiles = 100;

    public static async Task<ThroughputResult> ThroughputTandemAsync(string self, WorkDirectory work, CountingSink sink, long lines, long mib)
    {
        var config = Path.Combine(work.Path, "tput.yaml");
        File.WriteAllText(config, $"""
            dataDir: {work.Sub("data-tput")}
            inputs:
              - include: ["{Path.Combine(work.Path, "logs")}/*.log"]
            outputs:
              - type: http
                url: http://127.0.0.1:{sink.HttpPort}/ndjson
            batch: {"{"} maxBytes: 1MiB, maxEvents: 10000 {"}"}
            admin: {"{"} enabled: false {"}"}
            """);
        return await MeasureAsync("tandem ship", Ship(self, config), sink, lines, mib);
    }

    public static async Task<ThroughputResult> ThroughputRsyslogAsync(WorkDirectory work, CountingSink sink, long lines, long mib)
    {
        var state = work.Sub("rsyslog");
        var config = Path.Combine(state, "rsyslog.conf");
        File.WriteAllText(config, $"""
            global(workDirectory="{state}")
            module(load="imfile")
            input(type="imfile" file="{Path.Combine(work.Path, "logs")}/*.log" tag="bench")
            template(name="raw" type="string" string="%msg%\n")
            if $syslogtag == "bench" then {"{"}
              action(type="omfwd" target="127.0.0.1" port="{sink.TcpPort}" protocol="tcp" template="raw")
            {"}"}
            """);
        var start = new ProcessStartInfo("rsyslogd") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-n", "-f", config, "-i", Path.Combine(state, "pid") })
        {
            start.ArgumentList.Add(arg);
        }
        return await MeasureAsync("rsyslog", start, sink, lines, mib);
    }

    public static async Task<IdleResult> IdleAsync(string self, WorkDirectory work, CountingSink sink, int seconds)
    {
        var dir = work.Sub("idle");
        for (var f = 0; f < IdleFiles; f++)
        {
            File.WriteAllText(Path.Combine(dir, $"app{f}.log"), string.Concat(Enumerable.Range(0, 5).Select(i => Generator.Line($"idle{f}-{i}", 256))));
        }
        var config = Path.Combine(work.Path, "idle.yaml");
        File.WriteAllText(config, $"""
            dataDir: {work.Sub("data-idle")}
            inputs:
              - include: ["{dir}/*.log"]
            outputs:
              - type: http
                url: http://127.0.0.1:{sink.HttpPort}/ndjson
            admin: {"{"} port: 0 {"}"}
            """);
        var before = sink.Lines;
        using var process = Process.Start(Ship(self, config))!;
        await WaitAsync(() => sink.Lines - before >= IdleFiles * 5, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var cpu0 = ProcessSampler.CpuSeconds(process.Id);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cpu = (ProcessSampler.CpuSeconds(process.Id) - cpu0) / clock.Elapsed.TotalSeconds;
        var (rss, _) = ProcessSampler.MemoryMiB(process.Id);
        process.Kill();
        return new IdleResult(cpu * 100, rss);
    }

    public static async Task<LatencyResult> LatencyAsync(string self, WorkDirectory work, CountingSink sink, int seconds)
    {
        var dir = work.Sub("latency");
        var log = Path.Combine(dir, "app.log");
        File.WriteAllText(log, "");
        var config = Path.Combine(work.Path, "latency.yaml");
        File.WriteAllText(config, $"""
            dataDir: {work.Sub("data-latency")}
            inputs:
              - include: ["{log}"]
            outputs:
              - type: http
                url: http://127.0.0.1:{sink.HttpPort}/ndjson
            admin: {"{"} enabled: false {"}"}
            """);
        using var process = Process.Start(Ship(self, config))!;
        // Warm up (JIT, the first HTTP connection) before measuring, as a long-running sidecar is.
        var before = sink.Lines;
        await Generator.WriteAtRateAsync(log, 1000, TimeSpan.FromSeconds(2));
        await WaitAsync(() => sink.Lines - before >= 1500, TimeSpan.FromSeconds(30));
        sink.LatenciesMs.Clear();
        sink.TrackLatency = true;
        await Generator.WriteAtRateAsync(log, 1000, TimeSpan.FromSeconds(seconds));
        await Task.Delay(TimeSpan.FromSeconds(1));
        sink.TrackLatency = false;
        process.Kill();
        var sorted = sink.LatenciesMs.Order().ToArray();
        return new LatencyResult(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    public static string RsyslogVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("rsyslogd", "-v") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var first = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            return first.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.TrimEnd(',') ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(not installed)";
        }
    }

    private static ProcessStartInfo Ship(string self, string config)
    {
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "ship", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    private static async Task<ThroughputResult> MeasureAsync(string name, ProcessStartInfo start, CountingSink sink, long lines, long mib)
    {
        var before = sink.Lines;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        double peak = 0, peakPrivate = 0;
        var done = false;
        while (!done && clock.Elapsed < TimeSpan.FromMinutes(10) && !process.HasExited)
        {
            await Task.Delay(50);
            done = sink.Lines - before >= lines;
            try
            {
                peak = Math.Max(peak, ProcessSampler.MemoryMiB(process.Id).Peak);
                peakPrivate = Math.Max(peakPrivate, ProcessSampler.PrivateMiB(process.Id));
            }
            catch (IOException)
            {
                // Exited between the check and the read.
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = process.HasExited ? 0 : ProcessSampler.CpuSeconds(process.Id);
        process.Kill();
        await process.WaitForExitAsync();
        return new ThroughputResult(name, sink.Lines - before, seconds, mib / seconds, cpu / seconds, peak, peakPrivate, cpu);
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public sealed record ThroughputResult(string Name, long Lines, double Seconds, double MiBps, double Cores, double PeakRssMiB, double PeakPrivateMiB, double CpuSeconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Lines} lines in {Seconds:0.00} s = {MiBps:0.0} MiB/s, {Cores:0.00} cores ({CpuSeconds:0.0} CPU s), peak RSS {PeakRssMiB:0.0} MiB (private {PeakPrivateMiB:0.0} MiB)");
}

public sealed record IdleResult(double CpuPercent, double RssMiB)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"idle: {CpuPercent:0.00} % CPU, {RssMiB:0.0} MiB RSS");
}

public sealed record LatencyResult(int Samples, double P50, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"latency: {Samples} lines, p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}
