using Tandem.Model.Validation;

namespace Tandem.Server.Selectors;

/// <summary>
/// A recursive-descent parser over the token stream of <see cref="LabelSelectorLexer"/>, with the structure and
/// messages of apimachinery <c>labels.Parser</c> (selector.go).
/// </summary>
internal sealed class LabelSelectorParser
{
    private static readonly string BinaryOperators = "in, notin, =, ==, !=, gt, lt";
    private readonly List<(LabelToken Token, string Literal)> _tokens;
    private int _position;

    public LabelSelectorParser(string text) => _tokens = LabelSelectorLexer.Tokenize(text);

    public List<LabelRequirement> Parse()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (token, literal) = Peek(values: true);
            switch (token)
            {
                case LabelToken.Identifier or LabelToken.Not:
                    LabelRequirement requirement;
                    try
                    {
                        requirement = ParseRequirement();
                    }
                    catch (FormatException exception)
                    {
                        throw new FormatException("unable to parse requirement: " + exception.Message);
                    }
                    requirements.Add(requirement);
                    var (next, nextLiteral) = Consume(values: true);
                    if (next == LabelToken.End)
                    {
                        return requirements;
                    }
                    if (next != LabelToken.Comma)
                    {
                        throw new FormatException($"found '{nextLiteral}', expected: ',' or 'end of string'");
                    }
                    var (after, afterLiteral) = Peek(values: true);
                    if (after is not (LabelToken.Identifier or LabelToken.Not))
                    {
                        throw new FormatException($"found '{afterLiteral}', expected: identifier after ','");
                    }
                    break;
                case LabelToken.End:
                    return requirements;
                default:
                    throw new FormatException($"found '{literal}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var (token, literal) = Consume(values: true);
        var op = (SelectorOperator?)null;
        if (token == LabelToken.Not)
        {
            op = SelectorOperator.DoesNotExist;
            (token, literal) = Consume(values: true);
        }
        if (token != LabelToken.Identifier)
        {
            throw new FormatException($"found '{literal}', expected: identifier");
        }
        var key = literal;
        ValidateKey(key);
        var (ahead, _) = Peek(values: true);
        if (op == SelectorOperator.DoesNotExist || ahead is LabelToken.End or LabelToken.Comma)
        {
            // "!a=b" ends the requirement after "!a"; the caller then rejects the "=".
            return new LabelRequirement(key, op ?? SelectorOperator.Exists, new HashSet<string>());
        }
        var parsed = ParseOperator();
        var values = parsed is SelectorOperator.In or SelectorOperator.NotIn ? ParseValues() : ParseExactValue();
        if (parsed is SelectorOperator.In or SelectorOperator.NotIn && values.Count == 0)
        {
            throw new FormatException("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
        }
        var index = 0;
        foreach (var value in values)
        {
            foreach (var message in NameRules.LabelValue(value))
            {
                throw new FormatException($"values[{index}][{key}]: Invalid value: \"{value}\": {message}");
            }
            index++;
        }
        return new LabelRequirement(key, parsed, values);
    }

    private static void ValidateKey(string key)
    {
        foreach (var message in NameRules.QualifiedName(key))
        {
            // The parser validates keys with no field path, which Go prints as "<nil>".
            throw new FormatException($"<nil>: Invalid value: \"{key}\": {message}");
        }
    }

    private SelectorOperator ParseOperator()
    {
        var (token, literal) = Consume(values: false);
        return token switch
        {
            LabelToken.Equals or LabelToken.DoubleEquals => SelectorOperator.Equals,
            LabelToken.NotEquals => SelectorOperator.NotEquals,
            LabelToken.In => SelectorOperator.In,
            LabelToken.NotIn => SelectorOperator.NotIn,
            // gt/lt are valid upstream only for numeric values; Tandem does not support them.
            _ => throw new FormatException($"found '{literal}', expected: {BinaryOperators}"),
        };
    }

    private HashSet<string> ParseValues()
    {
        var (token, literal) = Consume(values: true);
        if (token != LabelToken.Open)
        {
            throw new FormatException($"found '{literal}' expected: '('");
        }
        (token, literal) = Peek(values: true);
        switch (token)
        {
            case LabelToken.Identifier or LabelToken.Comma:
                var set = ParseIdentifiers();
                (token, literal) = Consume(values: true);
                if (token != LabelToken.Close)
                {
                    throw new FormatException($"found '{literal}', expected: ')'");
                }
                return set;
            case LabelToken.Close:
                Consume(values: true);
                return [""];
            default:
                throw new FormatException($"found '{literal}', expected: ',', ')' or identifier");
        }
    }

    private HashSet<string> ParseIdentifiers()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (token, literal) = Consume(values: true);
            if (token == LabelToken.Identifier)
            {
                set.Add(literal);
                var (next, nextLiteral) = Peek(values: true);
                if (next == LabelToken.Close)
                {
                    return set;
                }
                if (next != LabelToken.Comma)
                {
                    throw new FormatException($"found '{nextLiteral}', expected: ',' or ')'");
                }
            }
            else if (token == LabelToken.Comma)
            {
                // "(,a" / "a,)" / "a,,b" all mean an empty value is in the set.
                if (set.Count == 0)
                {
                    set.Add("");
                }
                var (next, _) = Peek(values: true);
                if (next == LabelToken.Close)
                {
                    set.Add("");
                    return set;
                }
                if (next == LabelToken.Comma)
                {
                    Consume(values: true);
                    set.Add("");
                }
            }
            else
            {
                throw new FormatException($"found '{literal}', expected: ',', or identifier");
            }
        }
    }

    private HashSet<string> ParseExactValue()
    {
        var (ahead, _) = Peek(values: true);
        if (ahead is LabelToken.End or LabelToken.Comma)
        {
            return [""];
        }
        var (token, literal) = Consume(values: true);
        if (token == LabelToken.Identifier)
        {
            return [literal];
        }
        throw new FormatException($"found '{literal}', expected: identifier");
    }

    private (LabelToken Token, string Literal) Peek(bool values)
    {
        var (token, literal) = _position < _tokens.Count ? _tokens[_position] : (LabelToken.End, "");
        return values && token is LabelToken.In or LabelToken.NotIn ? (LabelToken.Identifier, literal) : (token, literal);
    }

    private (LabelToken Token, string Literal) Consume(bool values)
    {
        var result = Peek(values);
        if (_position < _tokens.Count)
        {
            _position++;
        }
        return result;
    }
}
