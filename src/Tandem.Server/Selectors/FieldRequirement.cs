namespace Tandem.Server.Selectors;

/// <summary>One <c>field=value</c> or <c>field!=value</c> term of a field selector.</summary>
public sealed record FieldRequirement(string Field, string Value, bool Negated)
{
    /// <summary>An absent field compares as the empty string, as apimachinery <c>fields.Set</c> does.</summary>
    public bool Matches(Func<string, string?> field) => string.Equals(field(Field) ?? "", Value, StringComparison.Ordinal) != Negated;
}
