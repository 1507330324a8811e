using System.Text.Json.Nodes;

namespace Tandem.Model.CoreV1;

/// <summary>Security settings of one container; they override the pod's.</summary>
public sealed record SecurityContext
{
    public Capabilities? Capabilities { get; init; }

    public bool? Privileged { get; init; }

    public SeLinuxOptions? SeLinuxOptions { get; init; }

    public JsonObject? WindowsOptions { get; init; }

    public long? RunAsUser { get; init; }

    public long? RunAsGroup { get; init; }

    public bool? RunAsNonRoot { get; init; }

    public bool? ReadOnlyRootFilesystem { get; init; }

    public bool? AllowPrivilegeEscalation { get; init; }

    public string? ProcMount { get; init; }

    public SeccompProfile? SeccompProfile { get; init; }

    public AppArmorProfile? AppArmorProfile { get; init; }
}
