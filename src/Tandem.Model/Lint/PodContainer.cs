using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint;

/// <summary>A container of a pod with its role and the path it is written at.</summary>
/// <param name="Position">Its place in start order: init containers first, then regular ones.</param>
public sealed record PodContainer(Container Container, ContainerRole Role, FieldPath Path, int Position)
{
    public string Name => Container.Name ?? "(unnamed)";

    public bool IsSidecar => Role == ContainerRole.Sidecar;

    /// <summary>Whether the container runs beside the app rather than to completion before it.</summary>
    public bool RunsAlongsideApp => Role != ContainerRole.InitContainer;

    /// <summary>Where the container's <c>- name:</c> is: the most natural place to point at it.</summary>
    public FieldPath NamePath => Path.Child("name");

    /// <summary>"sidecar \"proxy\"", "init container \"migrate\"", "container \"app\"".</summary>
    public string Describe() => Role switch
    {
        ContainerRole.Sidecar => $"sidecar \"{Name}\"",
        ContainerRole.InitContainer => $"init container \"{Name}\"",
        _ => $"container \"{Name}\"",
    };

    /// <summary>The container's TCP/UDP/SCTP port numbers, with the path of each.</summary>
    public IEnumerable<(int Number, string Protocol, FieldPath Path)> DeclaredPorts()
    {
        var ports = Container.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Number is { } number)
            {
                yield return (number, ports[i].Protocol ?? "TCP", Path.Child("ports").Index(i).Child("containerPort"));
            }
        }
    }
}
