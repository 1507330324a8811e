using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Model.Sources;

/// <summary>
/// Types an unquoted scalar exactly as kubectl does. kubectl reads YAML through sigs.k8s.io/yaml,
/// which uses go-yaml v2 (YAML 1.1 rules): this is a port of the behaviour of its
/// <c>resolve.go</c>, including its quirks (<c>0644</c> is octal 420, <c>08</c> is the float 8,
/// <c>yes</c> and <c>on</c> are booleans, a timestamp stays a string).
/// </summary>
internal static partial class PlainScalarResolver
{
    // go-yaml's resolveMap: every word that is typed by lookup rather than by parsing.
    private static readonly Dictionary<string, PlainScalar> Words = BuildWords();

    /// <summary>Types <paramref name="text"/>, the value of a plain scalar (or of an explicitly tagged one).</summary>
    public static PlainScalar Resolve(string text)
    {
        if (text.Length == 0)
        {
            return new PlainScalar(PlainScalarKind.Null, null);
        }
        // go-yaml looks only at words whose first character could start a typed value ("hint").
        var first = text[0];
        var isNumberHint = first is '+' or '-' || char.IsAsciiDigit(first);
        if (!isNumberHint && first != '.' && "yYnNtTfFoO~".IndexOf(first) < 0)
        {
            return PlainScalar.Of(text);
        }
        if (Words.TryGetValue(text, out var word))
        {
            return word;
        }
        if (first == '.')
        {
            // Go's ParseFloat on the raw text: ".5" and ".5e3" are floats, ".5_0" is not.
            return DotFloat().IsMatch(text) && TryParseFinite(text, out var dot)
                ? new PlainScalar(PlainScalarKind.Float, dot)
                : PlainScalar.Of(text);
        }
        return isNumberHint ? ResolveNumber(text) : PlainScalar.Of(text);
    }

    private static PlainScalar ResolveNumber(string text)
    {
        // Underscores are digit separators anywhere in a number ("1_000").
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (GoInteger.TryParse(plain, out var integer, out var tooLarge))
        {
            return new PlainScalar(PlainScalarKind.Int, integer);
        }
        if (tooLarge is { } large)
        {
            // go-yaml would give a uint64 here; JSON consumers read it as a number either way.
            return new PlainScalar(PlainScalarKind.Float, large);
        }
        // A failed integer parse that still looks like a float is one: "1e3", "1.5", and "08"
        // (not valid octal, but valid decimal float syntax).
        if (YamlFloat().IsMatch(plain) && TryParseFinite(plain, out var number))
        {
            return new PlainScalar(PlainScalarKind.Float, number);
        }
        return PlainScalar.Of(text);
    }

    // Go's ParseFloat reports overflow ("1e400") as an error, after which go-yaml keeps the string.
    private static bool TryParseFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static Dictionary<string, PlainScalar> BuildWords()
    {
        var words = new Dictionary<string, PlainScalar>(StringComparer.Ordinal);
        void Add(PlainScalarKind kind, object? value, params string[] spellings)
        {
            foreach (var spelling in spellings)
            {
                words[spelling] = new PlainScalar(kind, value);
            }
        }
        Add(PlainScalarKind.Bool, true, "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(PlainScalarKind.Bool, false, "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(PlainScalarKind.Null, null, "~", "null", "Null", "NULL");
        Add(PlainScalarKind.Float, double.NaN, ".nan", ".NaN", ".NAN");
        Add(PlainScalarKind.Float, double.PositiveInfinity, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(PlainScalarKind.Float, double.NegativeInfinity, "-.inf", "-.Inf", "-.INF");
        return words;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();
}
