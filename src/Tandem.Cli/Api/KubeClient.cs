using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;

namespace Tandem.Cli.Api;

/// <summary>
/// A small Kubernetes API client over <see cref="HttpClient"/>: JSON requests, Table requests (the same Accept
/// header kubectl sends), newline-delimited watch streams, raw streams for logs and WebSocket upgrades for exec.
/// Every non-2xx answer becomes an <see cref="ApiException"/> carrying the server's Status.
/// </summary>
public sealed class KubeClient : IDisposable
{
    /// <summary>kubectl's Accept for <c>get</c>: a Table if the server can, else the object (spec §6.5).</summary>
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private readonly ClusterConnection _connection;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _http;

    public KubeClient(ClusterConnection connection)
    {
        _connection = connection;
        _handler = new SocketsHttpHandler { SslOptions = TlsOptions(connection), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = connection.Server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"tandem/{typeof(KubeClient).Assembly.GetName().Version?.ToString(3)}");
    }

    public Uri Server => _connection.Server;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken, bool table = false) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken, table ? TableAccept : "application/json");

    public async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken, string accept = "application/json")
    {
        using var request = Request(method, path, accept);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"the server answered {method} {path} with something that is not a JSON object");
    }

    /// <summary>Opens a raw response stream (logs); the caller disposes it.</summary>
    public async Task<Stream> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, "application/json, */*");
        var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>Reads a watch (<c>watch=true</c> must be in <paramref name="path"/>) until the server ends it.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string path, bool table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, table ? TableAccept : "application/json");
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (JsonNode.Parse(line) is JsonObject { } item && (string?)item["type"] is { } type && item["object"] is JsonObject obj)
            {
                item.Remove("object");
                yield return new WatchEvent(type, obj);
            }
        }
    }

    /// <summary>Upgrades <paramref name="path"/> to a WebSocket with the given subprotocol, with this client's credentials.</summary>
    public async Task<WebSocket> ConnectWebSocketAsync(string path, string subProtocol, CancellationToken cancellationToken)
    {
        try
        {
            return await WebSocketDialer.ConnectAsync(_connection.Server, path, subProtocol, Authorization()?.ToString(), _handler.SslOptions, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw Unreachable(new HttpRequestException(HttpRequestError.ConnectionError, ex.Message, ex));
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string accept)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.Authorization = Authorization();
        return request;
    }

    private AuthenticationHeaderValue? Authorization()
    {
        var token = _connection.BearerTokenFile is { } file && File.Exists(file) ? File.ReadAllText(file).Trim() : _connection.BearerToken;
        return token is not null ? new AuthenticationHeaderValue("Bearer", token)
            : _connection.BasicAuth is { } basic ? new AuthenticationHeaderValue("Basic", basic) : null;
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ApiException(Decode((int)response.StatusCode, text));
        }
    }

    /// <summary>A Status body as the server sent it, or one made from the HTTP code as client-go does for other bodies.</summary>
    internal static Status Decode(int code, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status) is { Kind: "Status" } status)
            {
                return status with { Code = status.Code ?? code };
            }
        }
        catch (JsonException)
        {
            // not a Status: fall through to the generic message below
        }
        return Synthesize(code, body.Trim());
    }

    private static Status Synthesize(int code, string detail)
    {
        // client-go's newUnstructuredResponseError: a reason and a fixed message per code.
        var (reason, message) = code switch
        {
            400 => ("BadRequest", "the server rejected our request for an unknown reason"),
            401 => ("Unauthorized", "the server has asked for the client to provide credentials"),
            403 => ("Forbidden", detail.Length > 0 ? detail : "the server does not allow access to the requested resource"),
            404 => ("NotFound", "the server could not find the requested resource"),
            405 => ("MethodNotAllowed", "the server does not allow this method on the requested resource"),
            409 => ("Conflict", "the server reported a conflict"),
            422 => ("Invalid", "the server rejected our request due to an error in our request"),
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            _ => ("InternalError", $"an error on the server (\"{detail}\") has prevented the request from succeeding"),
        };
        return new Status { Outcome = "Failure", Code = code, Reason = reason, Message = message };
    }

    private Exception Unreachable(HttpRequestException ex)
    {
        var address = $"{_connection.Server.Host}:{_connection.Server.Port}";
        return ex.HttpRequestError == HttpRequestError.ConnectionError && ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }
            ? new ServerUnreachableException($"The connection to the server {address} was refused - did you specify the right host or port? (is 'tandem up' running?)")
            : new ServerUnreachableException($"Unable to connect to the server: {ex.Message}");
    }

    private static SslClientAuthenticationOptions TlsOptions(ClusterConnection connection)
    {
        var options = new SslClientAuthenticationOptions();
        if (connection.TlsServerName is not null)
        {
            options.TargetHost = connection.TlsServerName;
        }
        if (connection.ClientCertificate is not null)
        {
            options.ClientCertificates = [connection.ClientCertificate];
        }
        if (connection.InsecureSkipTlsVerify)
        {
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (connection.TrustedAuthorities.Count > 0)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && certificate is not null && ChainsTo(certificate, connection.TrustedAuthorities);
        }
        return options;
    }

    private static bool ChainsTo(X509Certificate certificate, IReadOnlyList<X509Certificate2> authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
