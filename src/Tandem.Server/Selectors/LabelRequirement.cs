namespace Tandem.Server.Selectors;

/// <summary>One term of a label selector: a key, an operator and (for the value operators) a set of values.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlySet<string> Values)
{
    /// <summary>
    /// As apimachinery <c>Requirement.Matches</c>: the negative operators also match objects that lack the key.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.In => has && Values.Contains(value!),
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !has || !Values.Contains(value!),
            SelectorOperator.Exists => has,
            _ => !has,
        };
    }
}
