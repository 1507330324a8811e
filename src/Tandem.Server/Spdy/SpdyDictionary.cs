namespace Tandem.Server.Spdy;

/// <summary>
/// The preset zlib dictionary of SPDY/3 (draft-mbelshe-httpbis-spdy-00 §2.6.10.1): every header block a client
/// compresses refers to it. It is built here from its two parts as the draft lists them, a run of header names and
/// values each prefixed by its big-endian length, then a run of status codes, reason phrases, dates and media types.
/// </summary>
internal static class SpdyDictionary
{
    /// <summary>The zlib DICTID of the dictionary (its Adler-32), which opens kubectl's first header block.</summary>
    public const uint Id = 0xE3C6A7C2;

    private static readonly string[] Words =
    [
        "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
        "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
        "content-base", "content-encoding", "content-language", "content-length", "content-location", "content-md5",
        "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host", "if-match",
        "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified", "location",
        "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range", "referer", "retry-after",
        "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "vary", "via", "warning",
        "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url", "public",
        "set-cookie", "keep-alive", "origin",
    ];

    private const string Tail =
        "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505" +
        "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Una" +
        "uthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service" +
        " UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, " +
        "Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,applicat" +
        "ion/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf" +
        "-8charset=iso-8859-1,utf-,*,enq=0.";

    public static ReadOnlySpan<byte> Bytes => Built;

    private static readonly byte[] Built = Build();

    private static byte[] Build()
    {
        var bytes = new List<byte>(1423);
        foreach (var word in Words)
        {
            var length = word.Length;
            bytes.AddRange([(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(word));
        }
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(Tail));
        return [.. bytes];
    }
}
