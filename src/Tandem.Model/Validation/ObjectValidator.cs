using Tandem.Model.CoreV1;
using Tandem.Model.Meta;

namespace Tandem.Model.Validation;

/// <summary>
/// The entry point: validates any object Tandem accepts the way the API server validates it on
/// create, and returns every error at once, in the API server's order and words.
/// </summary>
public static class ObjectValidator
{
    /// <summary>The errors of <paramref name="obj"/>; empty when it is valid. Kinds without rules have none.</summary>
    public static IReadOnlyList<FieldError> Validate(IKubernetesObject obj, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj switch
        {
            Pod pod => PodValidator.Validate(pod, options),
            ConfigMap configMap => ConfigMapValidator.Validate(configMap),
            Secret secret => SecretValidator.Validate(secret),
            Namespace ns => NamespaceValidator.Validate(ns),
            _ => [],
        };
    }

    /// <summary>
    /// The one-line message kubectl prints for an invalid object (<c>Pod "web" is invalid: ...</c>),
    /// or null when the object is valid.
    /// </summary>
    public static string? Describe(IKubernetesObject obj, ValidationOptions? options = null)
    {
        var errors = Validate(obj, options);
        return errors.Count == 0 ? null : InvalidObjectMessage.Format(obj.Kind ?? obj.GetType().Name, obj.Metadata?.Name, errors);
    }
}
