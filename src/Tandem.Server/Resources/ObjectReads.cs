using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>GET of one object, list and watch, as JSON or as a Table when the Accept header asks for one.</summary>
internal static class ObjectReads
{
    public static Task GetAsync(HttpContext context, ApiContext api, ResourceKind kind, string @namespace, string name)
    {
        var stored = api.Store.Get(kind, @namespace, name) ?? throw Errors.NotFound(kind.Resource, name);
        if (AcceptHeader.WantsTable(context.Request.Headers.Accept))
        {
            var query = ListQuery.Parse(context.Request.Query);
            return WriteTableAsync(context, api, kind, [stored], null, TableOutput.Include(query.IncludeObject));
        }
        return JsonOutput.WriteObjectAsync(context, 200, stored);
    }

    public static Task ListAsync(HttpContext context, ApiContext api, ResourceKind kind, string? @namespace)
    {
        var query = ListQuery.Parse(context.Request.Query);
        var filter = ObjectFilter.For(kind, @namespace, query);
        var table = AcceptHeader.WantsTable(context.Request.Headers.Accept);
        var include = TableOutput.Include(query.IncludeObject);
        if (query.Watch)
        {
            return WatchStream.ServeAsync(context, api, kind, filter, query, table, include);
        }
        var (items, version) = api.Store.List(kind, kind.Namespaced ? @namespace : null, filter);
        return table
            ? WriteTableAsync(context, api, kind, items, version, include)
            : JsonOutput.WriteListAsync(context, kind.ListKind, items, version);
    }

    /// <summary>cluster-info lists services in kube-system; Tandem has none (spec 14).</summary>
    public static Task EmptyServiceListAsync(HttpContext context, ApiContext api) =>
        JsonOutput.WriteJsonAsync(context, 200, JsonOutput.ContentType, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "ServiceList");
            w.WriteString("apiVersion", "v1");
            w.WriteStartObject("metadata");
            w.WriteString("resourceVersion", api.Store.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartArray("items");
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static Task WriteTableAsync(HttpContext context, ApiContext api, ResourceKind kind, IReadOnlyList<StoredObject> items, long? version, Tables.IncludeObject include)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + (items.Count * 1024));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TableOutput.Write(writer, kind, items, version, api.Options.Time.GetUtcNow(), include);
        }
        return JsonOutput.WriteBytesAsync(context, 200, buffer.WrittenMemory);
    }
}
