using Tandem.Model.CoreV1;

namespace Tandem.Node.Lifecycle;

/// <summary>Classifies the containers of a pod spec (R1: a sidecar is an init container with <c>restartPolicy: Always</c>).</summary>
public static class ContainerRoles
{
    /// <summary><c>IsRestartableInitContainer</c> (pkg/api/v1/pod/util.go).</summary>
    public static bool IsSidecar(Container container) => container.RestartPolicy == "Always";

    public static ContainerKind KindOfInit(Container container) => IsSidecar(container) ? ContainerKind.Sidecar : ContainerKind.RegularInit;

    public static IReadOnlyList<Container> InitContainers(PodSpec spec) => spec.InitContainers ?? [];

    public static IReadOnlyList<Container> Containers(PodSpec spec) => spec.Containers ?? [];

    /// <summary>Every container with its kind, init containers first, both in spec order.</summary>
    public static IEnumerable<(Container Container, ContainerKind Kind)> All(PodSpec spec) =>
        InitContainers(spec).Select(c => (c, KindOfInit(c))).Concat(Containers(spec).Select(c => (c, ContainerKind.Regular)));

    public static (Container Container, ContainerKind Kind)? Find(PodSpec spec, string name)
    {
        foreach (var entry in All(spec))
        {
            if (entry.Container.Name == name)
            {
                return entry;
            }
        }
        return null;
    }
}
