namespace Tandem.Server.Selectors;

internal enum LabelToken
{
    End,
    Identifier,
    Not,
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Open,
    Close,
    Comma,
    GreaterThan,
    LessThan,
    Error,
}
