namespace Tandem.Runtime.Runc;

/// <summary>Where the runc driver keeps its state and which host tools it runs.</summary>
public sealed record RuncRuntimeOptions
{
    /// <summary>Images, bundles, runc state and sandbox records live here; a restarted node finds them again.</summary>
    public string StateRoot { get; init; } = "/var/lib/tandem";

    public string RuncPath { get; init; } = "runc";

    public string SkopeoPath { get; init; } = "skopeo";

    public string UmociPath { get; init; } = "umoci";

    public string IpPath { get; init; } = "ip";

    /// <summary>
    /// Prefix of everything created outside the state root (netns names, cgroup parent); tests give
    /// each run its own so parallel runs and leak checks never see each other's objects.
    /// </summary>
    public string HostPrefix { get; init; } = "tandem";

    /// <summary>The docker config whose credentials pulls use when none are given (<c>~/.docker/config.json</c>).</summary>
    public string? DockerConfigPath { get; init; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "config.json");

    /// <summary>
    /// A container's log file is rotated before it grows past this (kubelet <c>containerLogMaxSize</c>,
    /// default 10Mi); 0 turns rotation off.
    /// </summary>
    public long ContainerLogMaxSizeBytes { get; init; } = CriLogWriter.DefaultMaxSizeBytes;

    /// <summary>
    /// Log files kept per container instance, the current one included; the older rotated ones are
    /// gzip-compressed (kubelet <c>containerLogMaxFiles</c>, default 5, at least 2).
    /// </summary>
    public int ContainerLogMaxFiles { get; init; } = CriLogWriter.DefaultMaxFiles;
}
