using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Primitives;
using Tandem.Model.Serialization;

namespace Tandem.Model.Validation;

/// <summary>
/// The API server's rules for updating an existing Pod (pkg/apis/core/validation <c>ValidatePodUpdate</c> and
/// <c>ValidateObjectMetaUpdate</c>): metadata may change except its identity, the spec only in the few places
/// the kubelet can honour in place. Callers validate the new pod on its own as well (<see cref="ObjectValidator"/>);
/// this covers only what depends on the old pod. Not emulated: the <c>resourceVersion</c> requirement (pods
/// allow unconditional updates, so the server fills it in), in-place resize and the gated-pod affinity relaxation.
/// </summary>
public static partial class PodUpdateValidation
{
    /// <summary>The list of updatable fields exactly as the 1.27–1.33 API servers print it.</summary>
    public const string UpdatableFields =
        "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public const string ForbiddenPrefix = "pod updates may not change fields other than " + UpdatableFields;

    public static IReadOnlyList<FieldError> ValidatePodUpdate(Pod newPod, Pod oldPod)
    {
        var errors = new List<FieldError>();
        errors.AddRange(ValidateObjectMetaUpdate(newPod.Metadata ?? new ObjectMeta(), oldPod.Metadata ?? new ObjectMeta(), FieldPath.Root("metadata")));
        var newSpec = newPod.Spec ?? new PodSpec();
        var oldSpec = oldPod.Spec ?? new PodSpec();
        var spec = FieldPath.Root("spec");
        if (ContainerUpdates(newSpec.Containers, oldSpec.Containers, spec.Child("containers"), errors)
            || ContainerUpdates(newSpec.InitContainers, oldSpec.InitContainers, spec.Child("initContainers"), errors))
        {
            return errors;
        }
        if (newSpec.ActiveDeadlineSeconds is { } deadline)
        {
            // Allowed: nil to a positive value, or a positive value to a lesser non-negative one.
            if (deadline is < 0 or > int.MaxValue)
            {
                errors.Add(FieldError.Invalid(spec.Child("activeDeadlineSeconds"), deadline, NameRules.InclusiveRange(0, int.MaxValue)));
                return errors;
            }
            if (oldSpec.ActiveDeadlineSeconds is { } previous && previous < deadline)
            {
                errors.Add(FieldError.Invalid(spec.Child("activeDeadlineSeconds"), deadline, "must be less than or equal to previous value"));
                return errors;
            }
        }
        else if (oldSpec.ActiveDeadlineSeconds is not null)
        {
            // Go prints the nil pointer as the quoted string "null".
            errors.Add(FieldError.Invalid(spec.Child("activeDeadlineSeconds"), "null", "must not update from a positive integer to nil value"));
        }
        errors.AddRange(OnlyAddedTolerations(newSpec.Tolerations, oldSpec.Tolerations, spec.Child("tolerations")));
        errors.AddRange(OnlyDeletedSchedulingGates(newSpec.SchedulingGates, oldSpec.SchedulingGates, spec.Child("schedulingGates")));
        var oldJson = Normalize(oldSpec);
        var mungedJson = Normalize(Munge(newSpec, oldSpec));
        if (!JsonNode.DeepEquals(oldJson, mungedJson))
        {
            errors.Add(FieldError.Forbidden(spec, ForbiddenPrefix + "\n" + SpecDiff(oldJson, mungedJson)));
        }
        return errors;
    }

    /// <summary>Metadata identity checks of <c>ValidateObjectMetaUpdate</c>; labels, annotations and owners may change.</summary>
    public static IReadOnlyList<FieldError> ValidateObjectMetaUpdate(ObjectMeta newMeta, ObjectMeta oldMeta, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (oldMeta.DeletionTimestamp is not null)
        {
            var added = (newMeta.Finalizers ?? []).Except(oldMeta.Finalizers ?? []).Order(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                var list = "[]string{" + string.Join(", ", added.Select(FieldError.Quote)) + "}";
                errors.Add(FieldError.Forbidden(path.Child("finalizers"), $"no new finalizers can be added if the object is being deleted, found new finalizers {list}"));
            }
        }
        if ((newMeta.Generation ?? 0) < (oldMeta.Generation ?? 0))
        {
            errors.Add(FieldError.Invalid(path.Child("generation"), newMeta.Generation ?? 0, "must not be decremented"));
        }
        Immutable(newMeta.Name ?? "", oldMeta.Name ?? "", path.Child("name"), errors);
        Immutable(newMeta.Namespace ?? "", oldMeta.Namespace ?? "", path.Child("namespace"), errors);
        Immutable(newMeta.Uid ?? "", oldMeta.Uid ?? "", path.Child("uid"), errors);
        Immutable(Time(newMeta.CreationTimestamp), Time(oldMeta.CreationTimestamp), path.Child("creationTimestamp"), errors);
        Immutable(Time(newMeta.DeletionTimestamp), Time(oldMeta.DeletionTimestamp), path.Child("deletionTimestamp"), errors);
        if (newMeta.DeletionGracePeriodSeconds != oldMeta.DeletionGracePeriodSeconds)
        {
            object value = newMeta.DeletionGracePeriodSeconds is { } seconds ? seconds : "null";
            errors.Add(FieldError.Invalid(path.Child("deletionGracePeriodSeconds"), value, "field is immutable"));
        }
        return errors;
    }

    private static void Immutable(string newValue, string oldValue, FieldPath path, List<FieldError> errors)
    {
        if (!string.Equals(newValue, oldValue, StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path, newValue, "field is immutable"));
        }
    }

    private static string Time(DateTimeOffset? value) =>
        value is { } time && time != default ? RfcTimeJsonConverter.Format(time) : "null";

    /// <summary>Returns true when the container lists differ in length, which stops all further spec checks.</summary>
    private static bool ContainerUpdates(IReadOnlyList<Container>? newContainers, IReadOnlyList<Container>? oldContainers, FieldPath path, List<FieldError> errors)
    {
        newContainers ??= [];
        if (newContainers.Count != (oldContainers?.Count ?? 0))
        {
            errors.Add(FieldError.Forbidden(path, "pod updates may not add or remove containers"));
            return true;
        }
        for (var i = 0; i < newContainers.Count; i++)
        {
            var image = newContainers[i].Image ?? "";
            if (image.Length == 0)
            {
                errors.Add(FieldError.Required(path.Index(i).Child("image")));
            }
            if (image.Trim().Length != image.Length)
            {
                errors.Add(FieldError.Invalid(path.Index(i).Child("image"), image, "must not have leading or trailing whitespace"));
            }
        }
        return false;
    }

    private static IEnumerable<FieldError> OnlyAddedTolerations(JsonArray? newTolerations, JsonArray? oldTolerations, FieldPath path)
    {
        // Every old toleration must still be there; only its tolerationSeconds may differ.
        var candidates = (newTolerations ?? []).Select(WithoutSeconds).ToList();
        foreach (var old in oldTolerations ?? [])
        {
            var wanted = WithoutSeconds(old);
            if (!candidates.Any(candidate => JsonNode.DeepEquals(candidate, wanted)))
            {
                yield return FieldError.Forbidden(path, "existing toleration can not be modified except its tolerationSeconds");
                yield break;
            }
        }
    }

    private static JsonNode? WithoutSeconds(JsonNode? toleration)
    {
        if (toleration is not JsonObject source)
        {
            return toleration?.DeepClone();
        }
        var copy = (JsonObject)source.DeepClone();
        copy.Remove("tolerationSeconds");
        return copy;
    }

    private static IEnumerable<FieldError> OnlyDeletedSchedulingGates(JsonArray? newGates, JsonArray? oldGates, FieldPath path)
    {
        var oldNames = (oldGates ?? []).Select(gate => gate?["name"]?.ToString()).ToHashSet();
        for (var i = 0; i < (newGates?.Count ?? 0); i++)
        {
            var name = newGates![i]?["name"]?.ToString();
            if (!oldNames.Contains(name))
            {
                yield return FieldError.Forbidden(path.Index(i).Child("name"), $"only deletion is allowed, but found new scheduling gate '{name}'");
            }
        }
    }

    /// <summary>The new spec with every field that may change set back to its old value.</summary>
    private static PodSpec Munge(PodSpec newSpec, PodSpec oldSpec)
    {
        var munged = newSpec with
        {
            Containers = WithOldImages(newSpec.Containers, oldSpec.Containers),
            InitContainers = WithOldImages(newSpec.InitContainers, oldSpec.InitContainers),
            ActiveDeadlineSeconds = oldSpec.ActiveDeadlineSeconds,
            SchedulingGates = oldSpec.SchedulingGates,
            Tolerations = oldSpec.Tolerations,
        };
        if (oldSpec.TerminationGracePeriodSeconds is < 0 && munged.TerminationGracePeriodSeconds == 1)
        {
            munged = munged with { TerminationGracePeriodSeconds = oldSpec.TerminationGracePeriodSeconds };
        }
        return munged;
    }

    private static IReadOnlyList<Container>? WithOldImages(IReadOnlyList<Container>? containers, IReadOnlyList<Container>? old) =>
        containers is null ? null : [.. containers.Select((container, i) => container with { Image = old![i].Image })];

    /// <summary>The spec as JSON with empty lists dropped, since Go's semantic equality treats nil and empty slices alike.</summary>
    private static JsonNode Normalize(PodSpec spec)
    {
        var node = JsonSerializer.SerializeToNode(spec, KubernetesJsonContext.Default.PodSpec) ?? new JsonObject();
        DropEmptyLists(node);
        return node;
    }

    private static void DropEmptyLists(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(pair => pair.Value is JsonArray { Count: 0 }).Select(pair => pair.Key).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, value) in obj)
                {
                    DropEmptyLists(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropEmptyLists(item);
                }
                break;
        }
    }

    private static string Format(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
