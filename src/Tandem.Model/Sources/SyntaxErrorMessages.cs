using YamlDotNet.Core;

namespace Tandem.Model.Sources;

/// <summary>
/// Rewords YamlDotNet's syntax errors for people who write manifests rather than parsers: what
/// is wrong at this position and the usual fix. Unknown messages keep YamlDotNet's wording
/// without its "While scanning ..." preamble.
/// </summary>
internal static class SyntaxErrorMessages
{
    private static readonly (string Contains, string Message)[] Known =
    [
        ("did not find expected key", "this line is not indented like the keys around it; check its indentation, "
            + "or quote the value of the line above if it contains ': ' or starts with a special character"),
        ("did not find expected '-' indicator", "expected a list item (- ...) at this indentation; check the indentation"),
        ("could not find expected ':'", "a key must be followed by ':'; add the colon, or quote the text if it is not a key"),
        ("found invalid mapping", "a ': ' inside a value starts a mapping where none can be; quote the value"),
        ("Mapping values are not allowed in this context", "a ': ' here starts a mapping where none can be; "
            + "quote the value or fix the indentation"),
        ("tab", "YAML does not allow tabs for indentation; indent with spaces"),
        ("found unexpected end of stream", "a quoted string is not closed before the end of the file; add the closing quote"),
        ("found unknown escape character", "unknown escape sequence in a double-quoted string; "
            + "write a backslash as \\\\ or use single quotes"),
        ("did not find expected ',' or ']'", "a [ ... ] list is not closed or misses a comma; add the ']' or ','"),
        ("did not find expected ',' or '}'", "a { ... } mapping is not closed or misses a comma; add the '}' or ','"),
        ("did not find expected node content", "a value is missing here; add it or quote the text"),
        ("found character that cannot start any token", "this character cannot start a value (@ and ` are reserved); "
            + "quote the value"),
        ("Block sequence entries are not allowed in this context", "a list item (- ...) cannot start here; "
            + "put it on its own line, indented under its key"),
        ("Did not find expected <document start>", "unexpected text after the end of a document; "
            + "separate documents with --- on its own line, or fix the indentation"),
        ("found undefined tag handle", "unknown tag handle; the only tags allowed are " + YamlTags.Supported),
        ("While parsing a node, found more than one anchor", "a value has two anchors (&name); keep one"),
    ];

    public static ManifestReadError Describe(YamlException error, string file)
    {
        var message = error.Message;
        var known = Array.Find(Known, entry => message.Contains(entry.Contains, StringComparison.OrdinalIgnoreCase));
        var text = known.Message ?? Plain(message);
        var at = new SourceLocation(file, Math.Max(1, (int)error.Start.Line), Math.Max(1, (int)error.Start.Column));
        return new ManifestReadError(text, at);
    }

    private static string Plain(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("While ", StringComparison.Ordinal) && text.IndexOf(", ", StringComparison.Ordinal) is > 0 and var comma)
        {
            text = text[(comma + 2)..];
        }
        text = text.TrimEnd('.').ReplaceLineEndings(" ");
        return "invalid YAML: " + (text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "syntax error")
            + "; check the syntax at this position";
    }
}
