using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>A namespace (validation.go <c>ValidateNamespace</c>): a DNS-1123 label name and valid finalizers.</summary>
public static class NamespaceValidator
{
    public static IReadOnlyList<FieldError> Validate(Namespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var errors = new List<FieldError>(ObjectMetaValidator.Validate(ns.Metadata, requiresNamespace: false, NameRules.NameIsDnsLabel, FieldPath.Root("metadata")));
        var finalizersPath = FieldPath.Root("spec").Child("finalizers");
        foreach (var finalizer in ns.Spec?.Finalizers ?? [])
        {
            errors.AddRange(ObjectMetaValidator.ValidateKubeFinalizerName(finalizer ?? "", finalizersPath));
        }
        return errors;
    }
}
