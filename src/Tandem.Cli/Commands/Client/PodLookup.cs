using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Cli.Api;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// Fetching a pod as a typed object, and choosing a container the way kubectl does for <c>logs</c> and <c>exec</c>:
/// the <c>-c</c> flag, else the <c>kubectl.kubernetes.io/default-container</c> annotation, else the first container
/// (saying so on stderr when there was a choice).
/// </summary>
public static class PodLookup
{
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <summary>Accepts <c>web</c> and <c>pod/web</c> (kubectl's forms for verbs that take one pod).</summary>
    public static string PodName(string argument)
    {
        var slash = argument.IndexOf('/');
        if (slash < 0)
        {
            return argument;
        }
        if (ResourceType.Find(argument[..slash]) != ResourceType.Pods)
        {
            throw new ClientUsageException($"cannot use \"{argument}\" here: only pods are supported (e.g. pod/web)");
        }
        return argument[(slash + 1)..];
    }

    public static async Task<Pod> GetAsync(ClientContext context, string name, CancellationToken cancellationToken)
    {
        var json = await context.Client.GetAsync(ResourceType.Pods.ItemPath(context.Namespace, name), cancellationToken);
        return Decode(json);
    }

    public static Pod Decode(JsonObject json) =>
        json.Deserialize(KubernetesJsonContext.Default.Pod) ?? throw new InvalidDataException("the server returned an empty pod");

    public static string ChooseContainer(Pod pod, string? requested, TextWriter error)
    {
        var containers = pod.Spec?.Containers ?? [];
        if (!string.IsNullOrEmpty(requested))
        {
            return requested;
        }
        if (pod.Metadata?.Annotations?.TryGetValue(DefaultContainerAnnotation, out var annotated) == true &&
            containers.Any(c => c.Name == annotated))
        {
            return annotated!;
        }
        if (containers.Count == 0)
        {
            throw new ClientUsageException($"pod {pod.Metadata?.Name} has no containers");
        }
        var all = containers.Select(c => c.Name)
            .Concat((pod.Spec?.InitContainers ?? []).Select(c => $"{c.Name} (init)"))
            .ToList();
        if (all.Count > 1)
        {
            error.WriteLine($"Defaulted container \"{containers[0].Name}\" out of: {string.Join(", ", all)}");
        }
        return containers[0].Name!;
    }
}
