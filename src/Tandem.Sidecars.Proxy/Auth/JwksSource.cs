using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>
/// The signing keys of a JWKS file or URL, cached for the refresh interval. A failed refresh keeps
/// the keys it had (an identity provider's hiccup must not lock every caller out); a token signed
/// by an unknown key id triggers one early refresh, at most every few seconds, to pick up rotations.
/// </summary>
internal sealed partial class JwksSource(string? file, Uri? url, TimeSpan refresh, HttpClient http, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MinimumEarlyRefresh = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private IList<SecurityKey> _keys = [];
    private long _fetchedAtTicks = DateTimeOffset.MinValue.UtcTicks;

    private DateTimeOffset FetchedAt => new(Interlocked.Read(ref _fetchedAtTicks), TimeSpan.Zero);

    public async ValueTask<IList<SecurityKey>> GetKeysAsync(bool unknownKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var age = now - FetchedAt;
        if (age < refresh && !(unknownKey && age >= MinimumEarlyRefresh))
        {
            return Volatile.Read(ref _keys);
        }
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have refreshed while this one waited.
            if (FetchedAt > now - (unknownKey ? MinimumEarlyRefresh : refresh))
            {
                return Volatile.Read(ref _keys);
            }
            try
            {
                var json = file is not null
                    ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)
                    : await http.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
                var keys = new JsonWebKeySet(json).GetSigningKeys();
                Volatile.Write(ref _keys, keys);
                Log.Loaded(logger, keys.Count, file ?? url!.ToString());
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Log.LoadFailed(logger, file ?? url!.ToString(), e.Message);
            }
            // Failed or not, wait a full interval: hammering a down identity provider helps no one.
            Interlocked.Exchange(ref _fetchedAtTicks, time.GetUtcNow().UtcTicks);
            return Volatile.Read(ref _keys);
        }
        finally
        {
            _fetch.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "loaded {Count} JWT signing keys from {Source}")]
        public static partial void Loaded(ILogger logger, int count, string source);

        [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "could not load JWT signing keys from {Source}, keeping the previous keys: {Error}")]
        public static partial void LoadFailed(ILogger logger, string source, string error);
    }
}
