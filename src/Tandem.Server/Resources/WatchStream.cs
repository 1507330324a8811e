using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Serialization;
using Tandem.Server.Http;
using Tandem.Server.Storage;
using Tandem.Server.Tables;

namespace Tandem.Server.Resources;

/// <summary>
/// Serves one watch (spec 8): a chunked stream of <c>{"type":…,"object":…}</c> lines, each flushed, in resourceVersion
/// order; BOOKMARKs when asked for; an ERROR 410 event when the requested version is too old. Ends at
/// <c>timeoutSeconds</c> (default: a random 30 to 60 minutes, as the apiserver), when the client goes, or when the
/// server stops; never earlier, because <c>kubectl get -w</c> exits silently when the stream ends.
/// </summary>
internal static class WatchStream
{
    public static async Task ServeAsync(HttpContext context, ApiContext api, ResourceKind kind, Func<StoredObject, bool> filter, ListQuery query, bool table, IncludeObject include)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = JsonOutput.ContentType;
        Watcher watcher;
        try
        {
            watcher = api.Store.Watch(kind, filter, query.ResourceVersion);
        }
        catch (ApiError expired)
        {
            await WriteEventAsync(response, "ERROR", w => JsonSerializer.Serialize(w, expired.Status, KubernetesJsonContext.Default.Status), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var timeout = query.TimeoutSeconds is > 0 and var seconds
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(RandomNumberGenerator.GetInt32(30 * 60));
        using var ends = new CancellationTokenSource(timeout, api.Time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ends.Token, context.RequestAborted);
        var token = stop.Token;
        var first = true;
        try
        {
            await response.StartAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested)
            {
                var wrote = false;
                while (watcher.Events.TryRead(out var change))
                {
                    watcher.Took();
                    WriteChange(response, api, change, table, include, first);
                    first = false;
                    wrote = true;
                }
                if (wrote)
                {
                    await response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
                }
                var progress = watcher.Progress;
                using var bookmark = new CancellationTokenSource(query.AllowBookmarks ? api.Options.BookmarkInterval : Timeout.InfiniteTimeSpan, api.Time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token, bookmark.Token);
                try
                {
                    if (!await watcher.Events.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // Nothing happened for a bookmark interval: tell the client how far it is (a version it has seen all of).
                    if (!watcher.Events.TryPeek(out _))
                    {
                        await WriteEventAsync(response, "BOOKMARK", w => WriteBookmark(w, kind, progress), token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out or the client went away: end the stream cleanly.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
        finally
        {
            api.Store.Unwatch(watcher);
        }
    }

    private static void WriteChange(HttpResponse response, ApiContext api, WatchEvent change, bool table, IncludeObject include, bool first)
    {
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("type", change.Type);
            writer.WritePropertyName("object");
            if (table)
            {
                TableOutput.Write(writer, change.Object.Kind, [change.Object], change.ResourceVersion, api.Options.Time.GetUtcNow(), include, first);
            }
            else
            {
                writer.WriteRawValue(change.Object.Json, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        response.BodyWriter.Write("\n"u8);
    }

    private static void WriteBookmark(Utf8JsonWriter writer, ResourceKind kind, long version)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", kind.Kind);
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static async Task WriteEventAsync(HttpResponse response, string type, Action<Utf8JsonWriter> writeObject, CancellationToken cancellationToken)
    {
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            writeObject(writer);
            writer.WriteEndObject();
        }
        response.BodyWriter.Write("\n"u8);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
