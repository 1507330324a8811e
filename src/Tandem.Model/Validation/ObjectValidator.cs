using Tandem.Model.Meta;

namespace Tandem.Model.Validation;

/// <summary>The API server's validation of any object Tandem reads (being ported; see PodValidator).</summary>
public static class ObjectValidator
{
    public static IReadOnlyList<FieldError> Validate(IKubernetesObject obj) => [];
}
