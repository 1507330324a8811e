using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>A port a container listens on, optionally published on the host.</summary>
public sealed record ContainerPort
{
    public string? Name { get; init; }

    public int? HostPort { get; init; }

    /// <summary>The port number in the pod's network namespace (<c>containerPort</c>).</summary>
    [JsonPropertyName("containerPort")]
    public int? Number { get; init; }

    public string? Protocol { get; init; }

    public string? HostIP { get; init; }
}
