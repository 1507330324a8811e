using System.Text.Json.Nodes;

namespace Tandem.Model.CoreV1;

/// <summary>Security settings that apply to every container of a pod.</summary>
public sealed record PodSecurityContext
{
    public SeLinuxOptions? SeLinuxOptions { get; init; }

    public JsonObject? WindowsOptions { get; init; }

    public long? RunAsUser { get; init; }

    public long? RunAsGroup { get; init; }

    public bool? RunAsNonRoot { get; init; }

    public IReadOnlyList<long>? SupplementalGroups { get; init; }

    public string? SupplementalGroupsPolicy { get; init; }

    public long? FsGroup { get; init; }

    public IReadOnlyList<Sysctl>? Sysctls { get; init; }

    public string? FsGroupChangePolicy { get; init; }

    public SeccompProfile? SeccompProfile { get; init; }

    public AppArmorProfile? AppArmorProfile { get; init; }

    public string? SeLinuxChangePolicy { get; init; }
}
