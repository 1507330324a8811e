using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Model.Meta;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>POST, PUT, PATCH and DELETE of one object: decode, prepare, check, then hand to the kind's writer.</summary>
internal sealed class ObjectWrites(ApiContext api, IReadOnlyDictionary<ResourceKind, IObjectWriter> writers)
{
    private const int PatchAttempts = 5;

    public async Task CreateAsync(HttpContext context, ResourceKind kind, string? @namespace)
    {
        var body = await RequestBody.ReadAsync(context, api.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        var document = ProtobufBody.IsProtobuf(context.Request.ContentType)
            ? ProtobufBody.Decode(body)
            : RequestBody.ParseObject(body, IsYaml(context.Request.ContentType));
        var value = FieldValidation.Decode(context, document, kind);
        var prepared = ObjectPreparation.ForCreate(kind, value, @namespace, api.Now);
        var created = await writers[kind].CreateAsync(prepared, context.RequestAborted).ConfigureAwait(false);
        await JsonOutput.WriteObjectAsync(context, 201, created).ConfigureAwait(false);
    }

    public async Task ReplaceAsync(HttpContext context, ResourceKind kind, string? @namespace, string name, bool statusOnly)
    {
        var body = await RequestBody.ReadAsync(context, api.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        var document = RequestBody.ParseObject(body, IsYaml(context.Request.ContentType));
        var value = FieldValidation.Decode(context, document, kind);
        var current = api.Store.Get(kind, @namespace ?? "", name) ?? throw Errors.NotFound(kind.Resource, name);
        var updated = await UpdateAsync(context, kind, current, value, @namespace, statusOnly).ConfigureAwait(false);
        await JsonOutput.WriteObjectAsync(context, 200, updated).ConfigureAwait(false);
    }

    public async Task PatchAsync(HttpContext context, ResourceKind kind, string? @namespace, string name, bool statusOnly)
    {
        var body = await RequestBody.ReadAsync(context, api.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        var patch = PatchRequest.Parse(context, body);
        for (var attempt = 1; ; attempt++)
        {
            var current = api.Store.Get(kind, @namespace ?? "", name);
            if (current is null && !patch.IsApply)
            {
                throw Errors.NotFound(kind.Resource, name);
            }
            var live = current is null ? null : JsonNode.Parse(current.Json) as JsonObject;
            var result = patch.Apply(kind.Kind, live, api.Options.Time.GetUtcNow());
            var value = FieldValidation.Decode(context, result, kind);
            try
            {
                if (current is null)
                {
                    // Server-side apply creates what does not exist (SSA's upsert).
                    var prepared = ObjectPreparation.ForCreate(kind, Named(value, name), @namespace, api.Now);
                    var created = await writers[kind].CreateAsync(prepared, context.RequestAborted).ConfigureAwait(false);
                    await JsonOutput.WriteObjectAsync(context, 201, created).ConfigureAwait(false);
                    return;
                }
                var updated = await UpdateAsync(context, kind, current, value, @namespace, statusOnly).ConfigureAwait(false);
                await JsonOutput.WriteObjectAsync(context, 200, updated).ConfigureAwait(false);
                return;
            }
            catch (ApiError conflict) when (conflict.Status.Reason == "Conflict" && attempt < PatchAttempts && !patch.PinsVersion)
            {
                // The apiserver retries a patch against the newest version when it raced another write.
            }
        }
    }

    public async Task DeleteAsync(HttpContext context, ResourceKind kind, string? @namespace, string name)
    {
        var body = await RequestBody.ReadAsync(context, api.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        var options = ParseDeleteOptions(body);
        var current = api.Store.Get(kind, @namespace ?? "", name) ?? throw Errors.NotFound(kind.Resource, name);
        if (options.Preconditions?.Uid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw Errors.Conflict(kind.Resource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }
        if (options.Preconditions?.ResourceVersion is { Length: > 0 } version && version != current.Object.Metadata?.ResourceVersion)
        {
            throw Errors.Conflict(kind.Resource, name, $"Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {current.Object.Metadata?.ResourceVersion}");
        }
        var grace = options.GracePeriodSeconds ?? ListQuery.Version(context.Request.Query["gracePeriodSeconds"].FirstOrDefault());
        var deleted = await writers[kind].DeleteAsync(current, grace, context.RequestAborted).ConfigureAwait(false);
        await JsonOutput.WriteObjectAsync(context, 200, deleted).ConfigureAwait(false);
    }

    private async Task<StoredObject> UpdateAsync(HttpContext context, ResourceKind kind, StoredObject current, IKubernetesObject value, string? @namespace, bool statusOnly)
    {
        var prepared = ObjectPreparation.ForUpdate(kind, current, value, @namespace, statusOnly);
        if (Unchanged(kind, current, prepared))
        {
            // A no-op update keeps the version and fires no watch event, as the apiserver does.
            return current;
        }
        var writer = writers[kind];
        writer.ValidateUpdate(current, prepared);
        if (statusOnly)
        {
            return api.Store.Put(kind, prepared, current.Source, current.ResourceVersion);
        }
        return await writer.UpdateAsync(current, prepared, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool Unchanged(ResourceKind kind, StoredObject current, IKubernetesObject prepared) =>
        JsonSerializer.SerializeToUtf8Bytes(prepared, kind.TypeInfo).AsSpan().SequenceEqual(current.Json);

    private static IKubernetesObject Named(IKubernetesObject value, string name) =>
        string.IsNullOrEmpty(value.Metadata?.Name) ? ObjectMetadata.With(value, (value.Metadata ?? new ObjectMeta()) with { Name = name }) : value;

    private static DeleteOptions ParseDeleteOptions(byte[] body)
    {
        if (body.Length == 0)
        {
            return new DeleteOptions();
        }
        try
        {
            return JsonSerializer.Deserialize(body, ServerJsonContext.Default.DeleteOptions) ?? new DeleteOptions();
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"error decoding DeleteOptions: {e.Message}");
        }
    }

    private static bool IsYaml(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/yaml", StringComparison.Ordinal) || contentType.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal));
}
