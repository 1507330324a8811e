using Tandem.Model.Meta;

namespace Tandem.Model.Validation;

/// <summary>
/// Metadata rules shared by every kind (apimachinery <c>ValidateObjectMetaAccessor</c>, core
/// <c>ValidateObjectMeta</c>): name or generateName, namespace, labels, annotations, finalizers.
/// </summary>
public static class ObjectMetaValidator
{
    /// <summary>apimachinery <c>TotalAnnotationSizeLimitB</c>: 256 KiB of keys and values together.</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly HashSet<string> StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>
    /// Validates metadata. <paramref name="nameRule"/> is the kind's name format (prefix=true for a
    /// generateName). The namespace, when absent, comes from the request (kubectl's default), as in the
    /// API server, so only a namespace that is given is checked; a cluster-scoped kind's namespace is
    /// ignored, the API server clears it before validating.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        ObjectMeta? meta, bool requiresNamespace, Func<string, bool, IReadOnlyList<string>> nameRule, FieldPath path)
    {
        var errors = new List<FieldError>();
        meta ??= new ObjectMeta();
        if (!string.IsNullOrEmpty(meta.GenerateName))
        {
            errors.AddRange(nameRule(meta.GenerateName, true).Select(message => FieldError.Invalid(path.Child("generateName"), meta.GenerateName, message)));
        }
        if (string.IsNullOrEmpty(meta.Name))
        {
            errors.Add(FieldError.Required(path.Child("name"), "name or generateName is required"));
        }
        else
        {
            errors.AddRange(nameRule(meta.Name, false).Select(message => FieldError.Invalid(path.Child("name"), meta.Name, message)));
        }
        if (requiresNamespace && !string.IsNullOrEmpty(meta.Namespace))
        {
            errors.AddRange(NameRules.NameIsDnsLabel(meta.Namespace, false).Select(message => FieldError.Invalid(path.Child("namespace"), meta.Namespace, message)));
        }
        if (meta.Generation is < 0)
        {
            errors.Add(FieldError.Invalid(path.Child("generation"), meta.Generation.Value, "must be greater than or equal to 0"));
        }
        errors.AddRange(ValidateLabels(meta.Labels, path.Child("labels")));
        errors.AddRange(ValidateAnnotations(meta.Annotations, path.Child("annotations")));
        errors.AddRange(ValidateFinalizers(meta.Finalizers, path.Child("finalizers")));
        return errors;
    }

    /// <summary>meta/v1 <c>ValidateLabels</c>: keys are qualified names, values label values; errors name the map, not the key.</summary>
    public static IReadOnlyList<FieldError> ValidateLabels(IReadOnlyDictionary<string, string>? labels, FieldPath path)
    {
        var errors = new List<FieldError>();
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            errors.AddRange(NameRules.QualifiedName(key).Select(message => FieldError.Invalid(path, key, message)));
            errors.AddRange(NameRules.LabelValue(value ?? "").Select(message => FieldError.Invalid(path, value ?? "", message)));
        }
        return errors;
    }

    /// <summary>apimachinery <c>ValidateAnnotations</c>: keys are case-insensitive qualified names; 256 KiB in total.</summary>
    public static IReadOnlyList<FieldError> ValidateAnnotations(IReadOnlyDictionary<string, string>? annotations, FieldPath path)
    {
        var errors = new List<FieldError>();
        long totalSize = 0;
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            errors.AddRange(NameRules.QualifiedName(key.ToLowerInvariant()).Select(message => FieldError.Invalid(path, key, message)));
            totalSize += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (totalSize > TotalAnnotationSizeLimit)
        {
            errors.Add(FieldError.TooLong(path, TotalAnnotationSizeLimit));
        }
        return errors;
    }

    /// <summary>
    /// apimachinery <c>ValidateFinalizers</c> (qualified names, on the list's path) and core
    /// <c>validateKubeFinalizerName</c> (an unprefixed name must be a standard one, on the item's path).
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateFinalizers(IReadOnlyList<string>? finalizers, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (finalizers is null)
        {
            return errors;
        }
        foreach (var finalizer in finalizers)
        {
            errors.AddRange(NameRules.QualifiedName(finalizer ?? "").Select(message => FieldError.Invalid(path, finalizer ?? "", message)));
        }
        if (finalizers.Contains("orphan") && finalizers.Contains("foregroundDeletion"))
        {
            errors.Add(FieldError.Invalid(path, string.Join(" ", finalizers), "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        for (var i = 0; i < finalizers.Count; i++)
        {
            errors.AddRange(ValidateKubeFinalizerName(finalizers[i] ?? "", path.Index(i)));
        }
        return errors;
    }

    /// <summary>core <c>validateKubeFinalizerName</c>.</summary>
    internal static IReadOnlyList<FieldError> ValidateKubeFinalizerName(string finalizer, FieldPath path)
    {
        var errors = NameRules.QualifiedName(finalizer).Select(message => FieldError.Invalid(path, finalizer, message)).ToList();
        if (errors.Count == 0 && !finalizer.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(finalizer))
        {
            errors.Add(FieldError.Invalid(path, finalizer, "name is neither a standard finalizer name nor is it fully qualified"));
        }
        return errors;
    }
}
