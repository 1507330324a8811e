namespace Tandem.Server.Selectors;

/// <summary>
/// Splits a label selector into tokens the way apimachinery's lexer does: whitespace separates, the special
/// characters <c>=!(),&gt;&lt;</c> form operators, everything else runs together into identifiers.
/// </summary>
internal static class LabelSelectorLexer
{
    public static List<(LabelToken Token, string Literal)> Tokenize(string text)
    {
        var tokens = new List<(LabelToken, string)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (IsSpecial(c))
            {
                var start = i;
                while (i < text.Length && IsSpecial(text[i]) && Special(text[start..(i + 1)]) != LabelToken.Error)
                {
                    i++;
                }
                if (i == start)
                {
                    i++;
                }
                var literal = text[start..i];
                tokens.Add((Special(literal), literal));
                continue;
            }
            var begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsSpecial(text[i]))
            {
                i++;
            }
            var word = text[begin..i];
            tokens.Add((word switch { "in" => LabelToken.In, "notin" => LabelToken.NotIn, _ => LabelToken.Identifier }, word));
        }
        return tokens;
    }

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private static LabelToken Special(string literal) => literal switch
    {
        "!" => LabelToken.Not,
        "!=" => LabelToken.NotEquals,
        "=" => LabelToken.Equals,
        "==" => LabelToken.DoubleEquals,
        "(" => LabelToken.Open,
        ")" => LabelToken.Close,
        "," => LabelToken.Comma,
        ">" => LabelToken.GreaterThan,
        "<" => LabelToken.LessThan,
        _ => LabelToken.Error,
    };
}
