using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;
using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint;

/// <summary>
/// A pod as the rules see it: the spec after the API server's defaults (what the kubelet acts on),
/// its containers in start order with their roles, and a way to locate any of its fields.
/// </summary>
public sealed class LintedPod
{
    private static readonly FieldPath SpecPath = FieldPath.Root("spec");

    public LintedPod(LoadedObject source)
    {
        Source = source;
        Pod = (Pod)source.Defaulted;
        var spec = Pod.Spec ?? new PodSpec();
        var containers = new List<PodContainer>();
        var init = spec.InitContainers ?? [];
        for (var i = 0; i < init.Count; i++)
        {
            // R1: restartPolicy Always on an init container is what makes it a sidecar.
            var role = init[i].RestartPolicy == "Always" ? ContainerRole.Sidecar : ContainerRole.InitContainer;
            containers.Add(new PodContainer(init[i], role, SpecPath.Child("initContainers").Index(i), containers.Count));
        }
        var regular = spec.Containers ?? [];
        for (var i = 0; i < regular.Count; i++)
        {
            containers.Add(new PodContainer(regular[i], ContainerRole.Regular, SpecPath.Child("containers").Index(i), containers.Count));
        }
        Containers = containers;
    }

    public LoadedObject Source { get; }

    public Pod Pod { get; }

    public PodSpec Spec => Pod.Spec ?? new PodSpec();

    public string Name => Source.DisplayName;

    /// <summary>Every container in start order: init containers and sidecars, then regular containers.</summary>
    public IReadOnlyList<PodContainer> Containers { get; }

    public IEnumerable<PodContainer> Sidecars => Containers.Where(c => c.IsSidecar);

    public IEnumerable<PodContainer> Regular => Containers.Where(c => c.Role == ContainerRole.Regular);

    /// <summary>True for <c>Never</c> and <c>OnFailure</c>: the pod is meant to finish (R17).</summary>
    public bool IsMeantToComplete => Spec.RestartPolicy is "Never" or "OnFailure";

    /// <summary>The pod's grace period after defaulting (R5: 30 s).</summary>
    public long GracePeriodSeconds => Spec.TerminationGracePeriodSeconds ?? 30;

    /// <summary>Where the value of <paramref name="field"/> is written (or its nearest written parent).</summary>
    public SourceLocation Locate(FieldPath field) => Source.Locate(field);

    /// <summary>
    /// Where the key of <paramref name="field"/> is written: for a mapping such as
    /// <c>nodeSelector</c> the key's line reads better than the first entry below it.
    /// </summary>
    public SourceLocation LocateKey(FieldPath field)
    {
        var steps = field.Steps();
        var last = steps[^1].Name;
        if (last is null)
        {
            return Locate(field);
        }
        JsonNode? node = Source.Document.Content;
        var full = Source.PathPrefix is null ? field : Source.PathPrefix.Append(field);
        var fullSteps = full.Steps();
        for (var i = 0; i < fullSteps.Count - 1 && node is not null; i++)
        {
            var step = fullSteps[i];
            node = step.Name is not null || step.Key is not null
                ? (node as JsonObject)?[step.Name ?? step.Key!]
                : node is JsonArray list && step.Index >= 0 && step.Index < list.Count ? list[step.Index] : null;
        }
        return node is JsonObject parent && Source.Document.Map.OfKey(parent, last) is { } key ? key : Locate(field);
    }

    /// <summary>A finding of <paramref name="rule"/> about this pod, pointing at <paramref name="field"/>'s value.</summary>
    public LintFinding Finding(LintRuleInfo rule, FieldPath field, string message) =>
        At(rule, Locate(field), message);

    /// <summary>A finding of <paramref name="rule"/> about this pod, pointing at <paramref name="field"/>'s key.</summary>
    public LintFinding FindingAtKey(LintRuleInfo rule, FieldPath field, string message) =>
        At(rule, LocateKey(field), message);

    private LintFinding At(LintRuleInfo rule, SourceLocation location, string message) =>
        new(rule.Id, rule.Severity, message, rule.Why, rule.Fix, location, Name) { Subject = Source };
}
