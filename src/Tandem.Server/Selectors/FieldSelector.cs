using System.Text;

namespace Tandem.Server.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c> query parameter: comma-separated <c>path=value</c>, <c>path==value</c> and
/// <c>path!=value</c> terms, with <c>\</c> escaping <c>,</c> <c>=</c> and <c>\</c> (apimachinery <c>fields.ParseSelector</c>).
/// kubectl builds the terms from a Go map, so their order varies and means nothing.
/// </summary>
public sealed class FieldSelector
{
    private static readonly string[] Operators = ["!=", "==", "="];

    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    /// <exception cref="FormatException">A term has no operator; the message is the API server's.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Everything;
        }
        var requirements = new List<FieldRequirement>();
        // Sorted as upstream does, so the first bad term reported is the same.
        foreach (var term in SplitTerms(text).Order(StringComparer.Ordinal))
        {
            if (term.Length == 0)
            {
                continue;
            }
            var (field, op, value) = SplitTerm(term)
                ?? throw new FormatException($"invalid selector: '{text}'; can't understand '{term}'");
            requirements.Add(new FieldRequirement(field, Unescape(value), op == "!="));
        }
        return new FieldSelector(requirements);
    }

    public static bool TryParse(string? text, out FieldSelector selector, out string? error)
    {
        try
        {
            selector = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException exception)
        {
            selector = Everything;
            error = exception.Message;
            return false;
        }
    }

    public bool Matches(Func<string, string?> field)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(field))
            {
                return false;
            }
        }
        return true;
    }

    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }
        terms.Add(text[start..]);
        return terms;
    }

    /// <summary>The field name has no escaping: the first operator anywhere in the term splits it.</summary>
    private static (string Field, string Operator, string Value)? SplitTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(term, i, op, 0, op.Length) == 0)
                {
                    return (term[..i], op, term[(i + op.Length)..]);
                }
            }
        }
        return null;
    }

    private static string Unescape(string value)
    {
        if (value.IndexOfAny(['\\', ',', '=']) < 0)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ',' or '=')
            {
                // Go prints the rune as its code point.
                throw new FormatException($"invalid field selector: unescaped character in value: {(int)c}");
            }
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (i + 1 >= value.Length)
            {
                throw new FormatException("invalid field selector: invalid escape sequence: \\");
            }
            var next = value[++i];
            if (next is not ('\\' or ',' or '='))
            {
                throw new FormatException($"invalid field selector: invalid escape sequence: \\{next}");
            }
            builder.Append(next);
        }
        return builder.ToString();
    }
}
