namespace Tandem.Model.Sources;

/// <summary>What a plain scalar means under YAML 1.1 typing (see <see cref="PlainScalarResolver"/>).</summary>
internal enum PlainScalarKind
{
    String,
    Null,
    Bool,
    Int,
    Float,
}

/// <summary>A typed plain scalar: <see cref="Value"/> is null, a bool, a long, a double or a string.</summary>
internal readonly record struct PlainScalar(PlainScalarKind Kind, object? Value)
{
    public static PlainScalar Of(string text) => new(PlainScalarKind.String, text);
}
