using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Server.Resources;

/// <summary>What an update may change in a pod (the apiserver's <c>ValidatePodUpdate</c>, from the Model); 422 otherwise.</summary>
internal static class PodUpdateRules
{
    public static IReadOnlyList<FieldError> Validate(Pod current, Pod updated) => PodUpdateValidation.ValidatePodUpdate(updated, current);
}
