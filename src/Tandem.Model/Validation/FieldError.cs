using System.Globalization;

namespace Tandem.Model.Validation;

/// <summary>
/// One problem with one field, printed in the API server's words:
/// <c>spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive</c>.
/// </summary>
public sealed record FieldError(FieldErrorType Type, FieldPath Field, object? BadValue, string Detail)
{
    /// <summary>Marks an error whose value is not printed (apimachinery's omitted value).</summary>
    public static readonly object OmittedValue = new();

    public static FieldError Required(FieldPath field, string detail = "") => new(FieldErrorType.Required, field, OmittedValue, detail);

    public static FieldError Invalid(FieldPath field, object? value, string detail) => new(FieldErrorType.Invalid, field, value, detail);

    public static FieldError Duplicate(FieldPath field, object? value) => new(FieldErrorType.Duplicate, field, value, "");

    public static FieldError NotFound(FieldPath field, object? value) => new(FieldErrorType.NotFound, field, value, "");

    public static FieldError Forbidden(FieldPath field, string detail) => new(FieldErrorType.Forbidden, field, OmittedValue, detail);

    public static FieldError TooLong(FieldPath field, int maxLength) =>
        new(FieldErrorType.TooLong, field, OmittedValue, $"may not be more than {maxLength} bytes");

    public static FieldError TooMany(FieldPath field, int actual, int max) =>
        new(FieldErrorType.TooMany, field, actual, $"must have at most {max} items");

    public static FieldError Unknown(FieldPath field) => new(FieldErrorType.Unknown, field, OmittedValue, "");

    /// <summary>"Unsupported value" with the allowed values listed, quoted and in the given order.</summary>
    public static FieldError NotSupported(FieldPath field, object? value, IEnumerable<string> supported) =>
        new(FieldErrorType.NotSupported, field, value, "supported values: " + string.Join(", ", supported.Select(Quote)));

    /// <summary>The message without the field path (apimachinery <c>ErrorBody</c>).</summary>
    public string Body
    {
        get
        {
            if (Type == FieldErrorType.Unknown)
            {
                return "unknown field";
            }
            var body = Type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong or FieldErrorType.Internal
                || ReferenceEquals(BadValue, OmittedValue)
                ? TypeText
                : $"{TypeText}: {FormatValue(BadValue)}";
            return Detail.Length == 0 ? body : $"{body}: {Detail}";
        }
    }

    /// <summary>The error as the API server words it, including the path.</summary>
    public override string ToString() =>
        Type == FieldErrorType.Unknown ? $"unknown field \"{Field}\"" : $"{Field}: {Body}";

    private string TypeText => Type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        _ => "Unknown field",
    };

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>Go's <c>%q</c> for the strings that occur in manifests.</summary>
    internal static string Quote(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }
}
