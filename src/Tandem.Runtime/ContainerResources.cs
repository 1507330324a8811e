namespace Tandem.Runtime;

/// <summary>Cgroup limits from <c>resources</c>; null means no limit.</summary>
public sealed record ContainerResources
{
    /// <summary>CPU limit in millicores (cfs quota over a 100 ms period).</summary>
    public long? CpuLimitMillis { get; init; }

    /// <summary>CPU request in millicores (cpu weight/shares).</summary>
    public long? CpuRequestMillis { get; init; }

    /// <summary>Memory limit in bytes; the container is OOM-killed above it.</summary>
    public long? MemoryLimitBytes { get; init; }

    public long? PidsLimit { get; init; }
}
