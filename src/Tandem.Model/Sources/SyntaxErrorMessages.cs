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
        ("multiline plain scalar, found invalid mapping", "this line continues the value above it but contains ': ' "
            + "as if it were a key; check its indentation, or quote the value"),
        ("multi-line double-quoted scalar, found wrong indentation", "a quoted string continues onto a line that "
            + "is not indented under it; close the quote on the same line, or indent the continuation"),
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
        ("found value containing disallowed", "an anchor (&name) or alias (*name) needs a name; "
            + "quote the value if '&' or '*' is meant as text"),
        ("incompatible YAML document", "unsupported %YAML version; remove the %YAML line"),
    ];

    public static ManifestReadError Describe(YamlException error, string file, string text)
    {
        var message = error.Message;
        var known = Array.Find(Known, entry => message.Contains(entry.Contains, StringComparison.OrdinalIgnoreCase));
        var at = new SourceLocation(file, Math.Max(1, (int)error.Start.Line), Math.Max(1, (int)error.Start.Column));
        if (known.Contains == "tab")
        {
            // YamlDotNet may report a tab at the start of the mapping rather than where the tab is.
            at = FirstIndentingTab(text, file) ?? at;
        }
        if (known.Contains == "found invalid mapping" && LooksLikeMisindentedKey(text, at))
        {
            return new ManifestReadError("this line looks like a key but is indented deeper than the keys above it, "
                + "so YAML reads it as part of the value above; fix its indentation", at);
        }
        return new ManifestReadError(known.Message ?? Plain(message), at);
    }

    // "   labels:" on its own continues the plain value above; "command: echo a: b" has a colon in a value.
    private static bool LooksLikeMisindentedKey(string text, SourceLocation at)
    {
        var line = 1;
        foreach (var content in text.AsSpan().EnumerateLines())
        {
            if (line++ == at.Line)
            {
                var before = content[..Math.Min(at.Column - 1, content.Length)];
                var key = before.TrimStart(' ');
                return key.Length > 0 && key.Length < before.Length && !key.ContainsAny(" \t:");
            }
        }
        return false;
    }

    private static SourceLocation? FirstIndentingTab(string text, string file)
    {
        var line = 1;
        foreach (var content in text.AsSpan().EnumerateLines())
        {
            var indentation = content.Length - content.TrimStart(" \t").Length;
            var tab = content[..indentation].IndexOf('\t');
            if (tab >= 0 && indentation < content.Length)
            {
                return new SourceLocation(file, line, tab + 1);
            }
            line++;
        }
        return null;
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
