namespace Tandem.Server.Tables;

/// <summary>Reads the <c>includeObject</c> query parameter as the API server does (exact case, empty means the default).</summary>
public static class IncludeObjectParser
{
    public static bool TryParse(string? text, out IncludeObject value)
    {
        (var ok, value) = text switch
        {
            null or "" or "Metadata" => (true, IncludeObject.Metadata),
            "None" => (true, IncludeObject.None),
            "Object" => (true, IncludeObject.Object),
            _ => (false, IncludeObject.Metadata),
        };
        return ok;
    }

    /// <summary>The 400 message for an unsupported value.</summary>
    public static string Error(string text) =>
        $"includeObject: Invalid value: \"{text}\": must be 'Metadata', 'Object', 'None', or empty";
}
