using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Model.Validation;

/// <summary>
/// Container resources (validation.go <c>ValidateContainerResourceRequirements</c>,
/// <c>validateContainerResourceName</c>, <c>ValidateResourceQuantityValue</c>): standard or extended
/// names, no negative quantity, requests no larger than limits.
/// </summary>
internal static class ResourceValidator
{
    private const string NegativeMessage = "must be greater than or equal to 0";

    private static readonly HashSet<string> StandardContainerResources = ["cpu", "memory", "ephemeral-storage"];

    /// <summary>helper <c>standardResources</c>: the unprefixed names any resource list may use.</summary>
    private static readonly HashSet<string> StandardResources =
    [
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services", "replicationcontrollers",
        "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
        "services.nodeports", "services.loadbalancers",
    ];

    public static IEnumerable<FieldError> Container(ResourceRequirements? requirements, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (requirements is null)
        {
            return errors;
        }
        var limitsPath = path.Child("limits");
        var requestsPath = path.Child("requests");
        var limits = requirements.Limits ?? new Dictionary<string, Quantity>();
        var hasCpuOrMemory = false;
        var hasHugePages = false;
        foreach (var (name, quantity) in limits)
        {
            var entryPath = limitsPath.Key(name);
            errors.AddRange(ResourceName(name, entryPath));
            errors.AddRange(QuantityValue(name, quantity, entryPath));
            hasHugePages |= IsHugePages(name);
            hasCpuOrMemory |= name is "cpu" or "memory";
        }
        foreach (var (name, quantity) in requirements.Requests ?? new Dictionary<string, Quantity>())
        {
            var entryPath = requestsPath.Key(name);
            errors.AddRange(ResourceName(name, entryPath));
            errors.AddRange(QuantityValue(name, quantity, entryPath));
            if (limits.TryGetValue(name, out var limit))
            {
                // Extended resources and huge pages cannot be overcommitted: request must equal limit.
                if (quantity != limit && !IsOvercommitAllowed(name))
                {
                    errors.Add(FieldError.Invalid(requestsPath, quantity.ToString(), $"must be equal to {name} limit of {limit}"));
                }
                else if (quantity > limit)
                {
                    errors.Add(FieldError.Invalid(requestsPath, quantity.ToString(), $"must be less than or equal to {name} limit of {limit}"));
                }
            }
            else if (!IsOvercommitAllowed(name))
            {
                errors.Add(FieldError.Required(limitsPath, "Limit must be set for non overcommitable resources"));
            }
            hasHugePages |= IsHugePages(name);
            hasCpuOrMemory |= name is "cpu" or "memory";
        }
        if (hasHugePages && !hasCpuOrMemory)
        {
            errors.Add(FieldError.Forbidden(path, "HugePages require cpu or memory"));
        }
        return errors;
    }

    /// <summary><c>validateResourceName</c> then <c>validateContainerResourceName</c>.</summary>
    private static IEnumerable<FieldError> ResourceName(string name, FieldPath path)
    {
        var nameErrors = NameRules.QualifiedName(name).Select(message => FieldError.Invalid(path, name, message)).ToList();
        if (nameErrors.Count > 0)
        {
            return nameErrors;
        }
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            if (!StandardResources.Contains(name) && !IsHugePages(name))
            {
                nameErrors.Add(FieldError.Invalid(path, name, "must be a standard resource type or fully qualified"));
            }
            if (!StandardContainerResources.Contains(name) && !IsHugePages(name))
            {
                nameErrors.Add(FieldError.Invalid(path, name, "must be a standard resource for containers"));
            }
        }
        else if (!IsNative(name) && !IsExtended(name))
        {
            nameErrors.Add(FieldError.Invalid(path, name, "doesn't follow extended resource name standard"));
        }
        return nameErrors;
    }

    /// <summary><c>ValidateResourceQuantityValue</c>: not negative; whole numbers for extended resources.</summary>
    private static IEnumerable<FieldError> QuantityValue(string name, Quantity quantity, FieldPath path)
    {
        if (quantity.Value < 0)
        {
            yield return FieldError.Invalid(path, quantity.ToString(), NegativeMessage);
        }
        if (IsExtended(name) && quantity.Value != decimal.Truncate(quantity.Value))
        {
            yield return FieldError.Invalid(path, quantity.ToString(), "must be an integer");
        }
    }

    private static bool IsHugePages(string name) => name.StartsWith("hugepages-", StringComparison.Ordinal);

    /// <summary>helper <c>IsNativeResource</c>: unprefixed, or in the kubernetes.io namespace.</summary>
    private static bool IsNative(string name) =>
        !name.Contains('/', StringComparison.Ordinal) || name.Contains("kubernetes.io/", StringComparison.Ordinal);

    /// <summary>helper <c>IsExtendedResourceName</c>: a prefixed name outside kubernetes.io whose quota name is qualified.</summary>
    private static bool IsExtended(string name) =>
        !IsNative(name) && !name.StartsWith("requests.", StringComparison.Ordinal) && NameRules.QualifiedName("requests." + name).Count == 0;

    private static bool IsOvercommitAllowed(string name) => IsNative(name) && !IsHugePages(name);
}
