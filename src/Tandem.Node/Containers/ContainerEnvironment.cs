namespace Tandem.Node.Containers;

/// <summary>A container's resolved environment, in the order the variables were first defined.</summary>
public sealed record ContainerEnvironment(IReadOnlyList<KeyValuePair<string, string>> Variables)
{
    public string? this[string name] => Variables.LastOrDefault(v => v.Key == name) is { Key: not null } found ? found.Value : null;

    /// <summary><c>command</c> and <c>args</c> with <c>$(NAME)</c> replaced by this environment (ExpandContainerCommandAndArgs).</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string>? words) =>
        words is null ? [] : words.Select(word => VariableExpansion.Expand(word, name => this[name])).ToList();
}
