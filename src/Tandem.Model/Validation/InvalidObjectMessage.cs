namespace Tandem.Model.Validation;

/// <summary>
/// The one-line message the API server (and so kubectl) gives for an invalid object:
/// <c>Pod "web" is invalid: spec.containers[0].image: Required value</c>, with several errors
/// in brackets, comma-separated.
/// </summary>
public static class InvalidObjectMessage
{
    public static string Format(string kind, string? name, IReadOnlyList<FieldError> errors)
    {
        var list = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        return $"{kind} {FieldError.Quote(name ?? "")} is invalid: {list}";
    }
}
