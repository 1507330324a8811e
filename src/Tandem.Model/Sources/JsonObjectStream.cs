namespace Tandem.Model.Sources;

/// <summary>
/// Finds the objects of a JSON stream: several JSON objects one after another with only
/// whitespace between them, as <c>jq '.items[]'</c> prints. kubectl reads such input (its
/// YAMLOrJSONDecoder switches to a JSON decoder when the input starts with <c>{</c>), but to a
/// YAML parser the second object is junk after the end of the document.
/// </summary>
internal static class JsonObjectStream
{
    /// <summary>One object of the stream and where its first character is in the whole text.</summary>
    public readonly record struct Part(int Start, int Length, int Line, int Column);

    /// <summary>
    /// Splits <paramref name="text"/> when it is two or more objects; anything else (one object,
    /// YAML, a lone unbalanced object) is left whole to the YAML parser, which reports errors best.
    /// </summary>
    public static bool TrySplit(string text, out List<Part> parts)
    {
        parts = [];
        var i = 0;
        var line = 1;
        var column = 1;
        while (true)
        {
            for (; i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n' or '\uFEFF'; i++)
            {
                Advance(text[i], ref line, ref column);
            }
            if (i == text.Length)
            {
                return parts.Count > 1;
            }
            if (text[i] != '{')
            {
                return false;
            }
            var start = i;
            var (startLine, startColumn) = (line, column);
            if (!SkipObject(text, ref i, ref line, ref column))
            {
                // After a first good object, hand the broken rest to the parser on its own, so that
                // its error points into the object that is broken.
                parts.Add(new Part(start, text.Length - start, startLine, startColumn));
                return parts.Count > 1;
            }
            parts.Add(new Part(start, i - start, startLine, startColumn));
        }
    }

    // Moves past one balanced {...}, minding strings and their escapes; false if it never closes.
    private static bool SkipObject(string text, ref int i, ref int line, ref int column)
    {
        var depth = 0;
        var inString = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    Advance(c, ref line, ref column);
                    c = text[++i];
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth == 0)
            {
                Advance(c, ref line, ref column);
                i++;
                return true;
            }
            Advance(c, ref line, ref column);
        }
        return false;
    }

    private static void Advance(char c, ref int line, ref int column)
    {
        if (c == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }
    }
}
