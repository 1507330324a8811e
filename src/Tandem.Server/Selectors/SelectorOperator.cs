namespace Tandem.Server.Selectors;

/// <summary>The requirement operators of a label selector (apimachinery <c>selection.Operator</c>).</summary>
public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
