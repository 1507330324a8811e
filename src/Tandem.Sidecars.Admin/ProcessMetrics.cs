using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tandem.Sidecars.Admin;

/// <summary>
/// The process's own figures on every sidecar's <c>/metrics</c>, under the names Prometheus client
/// libraries use for them (<c>process_*</c>), so existing dashboards and alerts on memory, CPU and
/// descriptors work unchanged; plus the .NET GC's heap and collections, which say whether memory is
/// the application's or the runtime's. Read at scrape time: nothing is kept between scrapes.
/// </summary>
public static class ProcessMetrics
{
    public static string Render()
    {
        var text = new StringBuilder(2048);
        using (var process = Process.GetCurrentProcess())
        {
            Gauge(text, "process_cpu_seconds_total", "counter", "User and system CPU time spent, in seconds.", process.TotalProcessorTime.TotalSeconds);
            Gauge(text, "process_resident_memory_bytes", "gauge", "Resident memory size, in bytes.", process.WorkingSet64);
            Gauge(text, "process_virtual_memory_bytes", "gauge", "Virtual memory size, in bytes.", process.VirtualMemorySize64);
            Gauge(text, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch, in seconds.", new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
            Gauge(text, "process_threads", "gauge", "Threads of the process.", process.Threads.Count);
        }
        if (OpenDescriptors() is { } open)
        {
            Gauge(text, "process_open_fds", "gauge", "Open file descriptors.", open);
        }
        if (MaxDescriptors() is { } max)
        {
            Gauge(text, "process_max_fds", "gauge", "Maximum number of open file descriptors.", max);
        }
        var gc = GC.GetGCMemoryInfo();
        Gauge(text, "dotnet_gc_heap_size_bytes", "gauge", "Size of the managed heap after the last collection, in bytes.", gc.HeapSizeBytes);
        Gauge(text, "dotnet_gc_committed_bytes", "gauge", "Memory the GC has committed, in bytes.", gc.TotalCommittedBytes);
        Gauge(text, "dotnet_gc_allocated_bytes_total", "counter", "Bytes allocated on the managed heap since start.", GC.GetTotalAllocatedBytes());
        text.Append("# HELP dotnet_gc_collections_total Garbage collections since start, by generation.\n# TYPE dotnet_gc_collections_total counter\n");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            text.Append(CultureInfo.InvariantCulture, $"dotnet_gc_collections_total{{generation=\"{generation}\"}} {GC.CollectionCount(generation)}\n");
        }
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string type, string help, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(PrometheusExporter.Format(value)).Append('\n');

    private static int? OpenDescriptors()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft limit from <c>/proc/self/limits</c> ("Max open files  1024  4096  files").</summary>
    private static long? MaxDescriptors()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
