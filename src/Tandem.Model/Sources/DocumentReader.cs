using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tandem.Model.Sources;

/// <summary>
/// Builds JSON trees from YamlDotNet's parser events, one document at a time, recording every
/// position and enforcing every limit as it goes. It reads events as a stream, so a limit stops
/// it at the first offending event rather than after the damage (a 10,000-deep nest is refused
/// at level 129, an alias bomb at the first alias that would cross the node budget).
/// Mappings, keys and merge keys are in <c>DocumentReader.Mappings.cs</c>.
/// </summary>
internal sealed partial class DocumentReader
{
    private readonly string _file;
    private readonly ManifestReaderOptions _options;
    private Parser _parser = null!;
    private readonly Dictionary<string, BuiltNode> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private readonly PositionTable _positions = new();
    private AliasExpansion _expansion;
    private SourceLocation _lastAt;
    private long _nodes;
    private int _aliases;
    private int _documentIndex;
    private int _lineOffset;
    private int _columnOffset;

    // The limits count across every text read into the same file.
    public DocumentReader(string file, ManifestReaderOptions options)
    {
        _file = file;
        _options = options;
        _expansion = new AliasExpansion(_positions);
    }

    /// <summary>
    /// Reads every document of <paramref name="text"/> into <paramref name="documents"/>; the
    /// text begins at <paramref name="line"/> and <paramref name="column"/> of the file (a part of
    /// a JSON stream does not begin at 1:1). Throws <see cref="ManifestReadException"/>.
    /// </summary>
    public void Read(string text, int line, int column, List<ManifestDocument> documents)
    {
        _lineOffset = line - 1;
        _columnOffset = column - 1;
        _lastAt = new SourceLocation(_file, line, column);
        _parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        try
        {
            ReadDocuments(documents);
        }
        catch (YamlException error)
        {
            var described = SyntaxErrorMessages.Describe(error, _file, text);
            throw new ManifestReadException(described with { Location = Shift(described.Location) });
        }
    }

    private void ReadDocuments(List<ManifestDocument> documents)
    {
        Next();
        Next(); // StreamStart
        for (; _parser.Current is DocumentStart start; _documentIndex++)
        {
            Next();
            if (_parser.Current is Scalar { Value.Length: 0, Style: ScalarStyle.Plain, Tag.IsEmpty: true, Anchor.IsEmpty: true })
            {
                // "---" alone, or only comments: nothing to read, like kubectl.
                Next();
            }
            else
            {
                // Anchors belong to one document (YAML 1.1 section 3.2.2.2).
                _anchors.Clear();
                _openAnchors.Clear();
                _expansion = new AliasExpansion(_positions);
                documents.Add(ReadDocument(At(start.Start), _documentIndex));
            }
            Next(); // DocumentEnd
        }
    }

    private ManifestDocument ReadDocument(SourceLocation start, int index)
    {
        var root = ReadNode(1);
        if (root.Node is not JsonObject content)
        {
            var what = root.Node switch
            {
                null => "is null",
                JsonArray => "is a list",
                _ => $"is a single value ({Shorten(root.Node.ToJsonString())})",
            };
            throw Fail(root.At, $"document {index + 1} {what}, but a manifest document must be a mapping "
                + "(apiVersion: ..., kind: ..., metadata: ...); put one object in each document and separate documents with ---");
        }
        // Only now, with the whole document within the limits, are alias copies made.
        _expansion.ExpandAll(content);
        return new ManifestDocument(content, new SourceMap(_positions, content, start), start, index);
    }

    private BuiltNode ReadNode(int depth)
    {
        var current = _parser.Current;
        var at = At(current!.Start);
        Next();
        return current switch
        {
            AnchorAlias alias => ExpandAlias(alias, at, depth),
            Scalar scalar => ReadScalar(scalar, at, depth),
            SequenceStart start => ReadSequence(start, at, depth),
            MappingStart start => ReadMapping(start, at, depth),
            _ => throw Fail(at, "expected a value here; check the YAML syntax"),
        };
    }

    private BuiltNode ReadScalar(Scalar scalar, SourceLocation at, int depth)
    {
        CheckDepth(depth, at);
        Count(at);
        if (scalar.Value.Length > _options.MaxScalarLength)
        {
            throw Fail(at, $"a value is {scalar.Value.Length:N0} characters long, more than the {_options.MaxScalarLength:N0} "
                + "allowed; keep large data out of the manifest");
        }
        var node = ScalarConverter.Convert(scalar, at);
        if (node is not null)
        {
            _positions.Add(node, at);
        }
        return Anchor(scalar.Anchor, new BuiltNode(node, 1, 1, at));
    }

    private BuiltNode ReadSequence(SequenceStart start, SourceLocation at, int depth)
    {
        CheckDepth(depth, at);
        CheckCollectionTag(start.Tag, YamlTags.Seq, "list", at);
        Count(at);
        Open(start.Anchor);
        var list = new JsonArray();
        _positions.Add(list, at);
        long size = 1;
        var height = 1;
        while (_parser.Current is not SequenceEnd)
        {
            var item = ReadNode(depth + 1);
            if (item.Node is null)
            {
                _positions.AddNullItem(list, list.Count, item.At);
            }
            list.Add(item.Node);
            size += item.Size;
            height = Math.Max(height, item.Height + 1);
        }
        Next();
        return Anchor(start.Anchor, new BuiltNode(list, size, height, at));
    }

    /// <summary>An alias is judged by its anchor's size, and copied once the document is complete.</summary>
    private BuiltNode ExpandAlias(AnchorAlias alias, SourceLocation at, int depth)
    {
        var anchored = Resolve(alias.Value, at);
        CheckDepth(depth - 1 + anchored.Height, at);
        if (_nodes + anchored.Size > _options.MaxNodes)
        {
            throw Fail(at, $"alias *{alias.Value} would add {anchored.Size:N0} values and take the file past "
                + $"{_options.MaxNodes:N0}; this looks like an alias bomb "
                + "(\"billion laughs\"): use fewer or smaller aliases");
        }
        _nodes += anchored.Size;
        return anchored with { Node = _expansion.Use(anchored.Node, at, anchored.Size), At = at };
    }

    private BuiltNode Resolve(AnchorName name, SourceLocation at)
    {
        if (++_aliases > _options.MaxAliases)
        {
            throw Fail(at, $"the file uses more than {_options.MaxAliases:N0} aliases; "
                + "write the values out or split the file");
        }
        if (_anchors.TryGetValue(name.Value, out var anchored))
        {
            return anchored;
        }
        throw Fail(at, _openAnchors.Contains(name.Value)
            ? $"alias *{name.Value} is inside the value anchored &{name.Value}, so that value would contain itself, "
                + "which JSON cannot represent; remove the alias"
            : $"alias *{name.Value} refers to no anchor &{name.Value} defined before it in this document "
                + "(anchors do not carry across ---); define the anchor first or fix the name");
    }

    private void Open(AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _openAnchors.Add(anchor.Value);
        }
    }

    private BuiltNode Anchor(AnchorName anchor, BuiltNode built)
    {
        if (!anchor.IsEmpty)
        {
            // A later anchor of the same name replaces the earlier one for later aliases.
            _openAnchors.Remove(anchor.Value);
            _anchors[anchor.Value] = built;
        }
        return built;
    }

    private static void CheckCollectionTag(TagName tag, string expected, string what, SourceLocation at)
    {
        if (YamlTags.IsImplicit(tag) || tag.Value == expected)
        {
            return;
        }
        if (tag.Value is YamlTags.Str or YamlTags.Int or YamlTags.Float or YamlTags.Bool or YamlTags.Null
            or YamlTags.Binary or YamlTags.Map or YamlTags.Seq)
        {
            throw Fail(at, $"tag {YamlTags.Display(tag)} is on a {what}; remove the tag or fix the value");
        }
        throw ScalarConverter.UnknownTag(tag, at);
    }

    private void CheckDepth(int depth, SourceLocation at)
    {
        if (depth > _options.MaxDepth)
        {
            throw Fail(at, $"the document nests mappings and lists more than {_options.MaxDepth} levels deep"
                + "; no Kubernetes object is that deep: check the indentation and brackets");
        }
    }

    private void Count(SourceLocation at)
    {
        if (++_nodes > _options.MaxNodes)
        {
            throw Fail(at, $"the file holds more than {_options.MaxNodes:N0} values, counting alias copies"
                + "; split it into smaller files");
        }
    }

    private void Next()
    {
        try
        {
            _parser.MoveNext();
            _lastAt = At(_parser.Current?.Start ?? Mark.Empty);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or NullReferenceException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner has corners where broken input makes it fail without a YamlException
            // (found by fuzzing); the input is still just invalid YAML, after the last good position.
            throw Fail(_lastAt, "invalid YAML after this position; check the quotes, brackets and indentation that follow");
        }
    }

    private SourceLocation At(Mark mark) => Shift(new SourceLocation(_file, (int)mark.Line, (int)mark.Column));

    private SourceLocation Shift(SourceLocation at) =>
        at with { Line = at.Line + _lineOffset, Column = at.Line == 1 ? at.Column + _columnOffset : at.Column };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static ManifestReadException Fail(SourceLocation at, string message) => new(new ManifestReadError(message, at));
}
