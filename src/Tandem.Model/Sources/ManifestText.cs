using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tandem.Model.Sources;

/// <summary>
/// Turns the bytes of a manifest into text, or explains why they are not text. YAML allows only
/// printable characters (YAML 1.1 section 5.1, which go-yaml enforces with "control characters
/// are not allowed"); checking before parsing also matters because YamlDotNet takes a NUL for the
/// end of the file and would report a confusing error somewhere else.
/// </summary>
internal static class ManifestText
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <summary>Decodes UTF-8 (with or without a byte order mark) or BOM-marked UTF-16.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            return Check(DecodeUtf8(bytes[3..], 3, file), file, 3, Encoding.UTF8);
        }
        if (bytes.StartsWith(Utf16LittleEndianBom) || bytes.StartsWith(Utf16BigEndianBom))
        {
            var encoding = bytes[0] == 0xFF
                ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
                : new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            string text;
            try
            {
                text = encoding.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                throw Fail(file, 0, "the file starts with a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8");
            }
            return Check(text, file, 2, encoding);
        }
        return Check(DecodeUtf8(bytes, 0, file), file, 0, Encoding.UTF8);
    }

    /// <summary>Checks text handed over as a string, which has no bytes to point at.</summary>
    public static string Check(string text, string file) => Check(text, file, -1, null);

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int skipped, string file)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                // Report whichever problem comes first in the file: binary files often start with control bytes.
                Check(new string(chars, 0, written), file, skipped, Encoding.UTF8);
                var (line, column) = Position(chars.AsSpan(0, written));
                throw Fail(file, line, $"invalid UTF-8 at byte {read + skipped}; the file is "
                    + "binary or in another encoding: save it as UTF-8 text", column);
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // byteOffset < 0: the caller passed a string, so there are no byte offsets to report.
    private static string Check(string text, string file, int byteOffset, Encoding? encoding)
    {
        var bad = FindUnprintable(text);
        if (bad < 0)
        {
            // YamlDotNet skips a leading BOM itself, but one decoded from a string is still here.
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        var (line, column) = Position(text.AsSpan(0, bad));
        var what = char.IsSurrogate(text[bad]) ? "an unpaired surrogate" : $"control character U+{(int)text[bad]:X4}";
        var where = encoding is null ? "" : $" at byte {byteOffset + encoding.GetByteCount(text.AsSpan(0, bad))}";
        var escape = char.IsSurrogate(text[bad]) ? "" : $", or write it as \"\\u{(int)text[bad]:X4}\" in a double-quoted value";
        throw Fail(file, line, $"{what}{where} is not allowed in YAML; the file looks binary or corrupted: "
            + $"save it as text{escape}", column);
    }

    // YAML 1.1 printable: tab, LF, CR, 0x20-0x7E, 0x85, 0xA0-0xD7FF, 0xE000-0xFFFD, and pairs.
    private static int FindUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF')
                or (>= '\uE000' and <= '\uFFFD'))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>The 1-based line and column just after <paramref name="before"/>.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<char> before)
    {
        var line = before.Count('\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    private static ManifestReadException Fail(string file, int line, string message, int column = 1) =>
        new(new ManifestReadError(message, new SourceLocation(file, line, line == 0 ? 0 : column)));
}
