using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>
/// A pod as the API server validates it on create (validation.go <c>ValidatePodCreate</c>):
/// metadata, then the spec, then the rules that apply to pods but not to pod templates.
/// </summary>
public static class PodValidator
{
    public static IReadOnlyList<FieldError> Validate(Pod pod, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        options ??= ValidationOptions.Default;
        var specPath = FieldPath.Root("spec");
        var spec = pod.Spec ?? new PodSpec();
        var errors = new List<FieldError>();
        errors.AddRange(ObjectMetaValidator.Validate(pod.Metadata, requiresNamespace: true, NameRules.NameIsDnsSubdomain, FieldPath.Root("metadata")));
        errors.AddRange(PodSpecValidator.Validate(spec, specPath, options));
        errors.AddRange(ContainerValidator.ImageWhitespace(spec.Containers, specPath.Child("containers")));
        errors.AddRange(ContainerValidator.ImageWhitespace(spec.InitContainers, specPath.Child("initContainers")));
        // Ephemeral containers are added to a running pod through their own subresource only.
        if (spec.EphemeralContainers is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(specPath.Child("ephemeralContainers"), "cannot be set on create"));
        }
        return errors;
    }
}
