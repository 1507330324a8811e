using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;
using Tandem.Model.Validation;

namespace Tandem.Server.Resources;

/// <summary>
/// What an update may change in a pod's spec (core validation <c>ValidatePodUpdate</c>): container and init container
/// images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds; everything else is 422 Forbidden
/// with the apiserver's words (spec 5). Metadata (labels, annotations) may change freely.
/// </summary>
internal static class PodUpdateRules
{
    public const string ForbiddenMessage =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public static IReadOnlyList<FieldError> Validate(Pod current, Pod updated)
    {
        var errors = new List<FieldError>();
        var before = current.Spec ?? new PodSpec();
        var after = updated.Spec ?? new PodSpec();
        if (after.ActiveDeadlineSeconds is null && before.ActiveDeadlineSeconds is not null)
        {
            errors.Add(FieldError.Invalid(FieldPath.Root("spec").Child("activeDeadlineSeconds"), null, "must not update from a positive integer to nil value"));
        }
        else if (after.ActiveDeadlineSeconds is { } deadline && before.ActiveDeadlineSeconds is { } old && deadline > old)
        {
            errors.Add(FieldError.Invalid(FieldPath.Root("spec").Child("activeDeadlineSeconds"), deadline, "must be less than or equal to previous value"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        // Copy every field that may change from the new spec onto the old one: what remains must be equal.
        var containers = before.Containers?.ToList();
        var initContainers = before.InitContainers?.ToList();
        if (containers is not null && after.Containers is { } newContainers && newContainers.Count == containers.Count)
        {
            for (var i = 0; i < containers.Count; i++)
            {
                containers[i] = containers[i] with { Image = newContainers[i].Image };
            }
        }
        if (initContainers is not null && after.InitContainers is { } newInit && newInit.Count == initContainers.Count)
        {
            for (var i = 0; i < initContainers.Count; i++)
            {
                initContainers[i] = initContainers[i] with { Image = newInit[i].Image };
            }
        }
        var merged = before with
        {
            Containers = containers,
            InitContainers = initContainers,
            ActiveDeadlineSeconds = after.ActiveDeadlineSeconds,
            TerminationGracePeriodSeconds = after.TerminationGracePeriodSeconds,
            Tolerations = StartsWith(after.Tolerations, before.Tolerations) ? after.Tolerations : before.Tolerations,
        };
        if (Json(merged) != Json(after))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Root("spec"), ForbiddenMessage));
        }
        return errors;
    }

    // Tolerations may only be added after the existing ones.
    private static bool StartsWith(JsonArray? after, JsonArray? before) =>
        (before?.Count ?? 0) <= (after?.Count ?? 0) && (before is null || before.Select((t, i) => JsonNode.DeepEquals(t, after![i])).All(x => x));

    private static string Json(PodSpec spec) => JsonSerializer.Serialize(new Pod { Spec = spec }, KubernetesJsonContext.Default.Pod);
}
