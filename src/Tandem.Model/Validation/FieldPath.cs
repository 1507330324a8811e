using System.Text;

namespace Tandem.Model.Validation;

/// <summary>
/// A path to a field of an API object, printed the way the API server prints it:
/// <c>spec.containers[1].ports[0].containerPort</c>, <c>metadata.labels[app]</c>.
/// Immutable: each step returns a new path that shares its parent.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly FieldPath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly string? _key;

    private FieldPath(FieldPath? parent, string? name, int index, string? key)
    {
        _parent = parent;
        _name = name;
        _index = index;
        _key = key;
    }

    /// <summary>The path of a top-level field, e.g. <c>spec</c>.</summary>
    public static FieldPath Root(string name) => new(null, name, -1, null);

    /// <summary>A field of this object.</summary>
    public FieldPath Child(string name) => new(this, name, -1, null);

    /// <summary>A path with several fields below this one: <c>Child("a", "b")</c> is <c>.a.b</c>.</summary>
    public FieldPath Child(string name, params string[] more)
    {
        var path = Child(name);
        foreach (var next in more)
        {
            path = path.Child(next);
        }
        return path;
    }

    /// <summary>An element of this list.</summary>
    public FieldPath Index(int index) => new(this, null, index, null);

    /// <summary>An entry of this map, printed as <c>[key]</c>.</summary>
    public FieldPath Key(string key) => new(this, null, -1, key);

    /// <summary>This path followed by another: <c>items[0]</c> + <c>spec.containers</c>.</summary>
    public FieldPath Append(FieldPath relative)
    {
        var path = this;
        foreach (var step in relative.Steps())
        {
            path = path.Then(step);
        }
        return path;
    }

    /// <summary>The same path without its first step (used to drop a placeholder root such as <c>$</c>).</summary>
    public FieldPath WithoutRoot()
    {
        var steps = Steps();
        if (steps.Count < 2 || steps[1].Name is null)
        {
            return this;
        }
        var path = Root(steps[1].Name!);
        foreach (var step in steps.Skip(2))
        {
            path = path.Then(step);
        }
        return path;
    }

    private FieldPath Then(FieldPathStep step) =>
        step.Name is not null ? Child(step.Name) : step.Key is not null ? Key(step.Key) : Index(step.Index);

    /// <summary>The steps from the root, for walking a document along the path.</summary>
    public IReadOnlyList<FieldPathStep> Steps()
    {
        var steps = new List<FieldPathStep>();
        for (var at = this; at is not null; at = at._parent)
        {
            steps.Add(at._name is not null ? FieldPathStep.Field(at._name)
                : at._key is not null ? FieldPathStep.MapKey(at._key)
                : FieldPathStep.ListIndex(at._index));
        }
        steps.Reverse();
        return steps;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        _parent?.Append(builder);
        if (_name is not null)
        {
            if (_parent is not null)
            {
                builder.Append('.');
            }
            builder.Append(_name);
        }
        else if (_key is not null)
        {
            builder.Append('[').Append(_key).Append(']');
        }
        else
        {
            builder.Append('[').Append(_index).Append(']');
        }
    }

    public bool Equals(FieldPath? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
