namespace Tandem.Model.Validation;

/// <summary>The kinds of field error the API server reports (apimachinery <c>field.ErrorType</c>).</summary>
public enum FieldErrorType
{
    /// <summary>"Not found": a reference to something that does not exist.</summary>
    NotFound,

    /// <summary>"Required value".</summary>
    Required,

    /// <summary>"Duplicate value".</summary>
    Duplicate,

    /// <summary>"Invalid value".</summary>
    Invalid,

    /// <summary>"Unsupported value": not one of the allowed values.</summary>
    NotSupported,

    /// <summary>"Forbidden": not allowed here, whatever the value.</summary>
    Forbidden,

    /// <summary>"Too long".</summary>
    TooLong,

    /// <summary>"Too many".</summary>
    TooMany,

    /// <summary>"Internal error".</summary>
    Internal,

    /// <summary>A field the schema does not have (strict decoding: <c>unknown field "spec.foo"</c>).</summary>
    Unknown,
}
