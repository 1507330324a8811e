namespace Tandem.Model.Validation;

/// <summary>One step of a <see cref="FieldPath"/>: a field name, a list index or a map key.</summary>
public readonly record struct FieldPathStep(string? Name, int Index, string? Key)
{
    public static FieldPathStep Field(string name) => new(name, -1, null);

    public static FieldPathStep ListIndex(int index) => new(null, index, null);

    public static FieldPathStep MapKey(string key) => new(null, -1, key);
}
