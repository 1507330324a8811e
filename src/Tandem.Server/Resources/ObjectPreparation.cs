using System.Security.Cryptography;
using System.Text;
using Tandem.Model.CoreV1;
using Tandem.Model.Defaulting;
using Tandem.Model.Meta;
using Tandem.Model.Validation;
using Tandem.Server.Http;
using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>
/// What the apiserver does to an object between decoding and storing it: server-set metadata, namespace checks,
/// generateName, defaults, validation with field paths (422 Invalid).
/// </summary>
internal static class ObjectPreparation
{
    // apimachinery's SimpleNameGenerator alphabet: no vowels, no confusable digits.
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static IKubernetesObject ForCreate(ResourceKind kind, IKubernetesObject value, string? @namespace, DateTimeOffset now)
    {
        var metadata = value.Metadata ?? new ObjectMeta();
        CheckNamespace(kind, metadata, @namespace);
        var name = metadata.Name;
        if (string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(metadata.GenerateName))
        {
            name = metadata.GenerateName + string.Create(5, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = NameAlphabet[RandomNumberGenerator.GetInt32(NameAlphabet.Length)];
                }
            });
        }
        metadata = metadata with
        {
            Name = name,
            Namespace = kind.Namespaced ? @namespace : null,
            Uid = Guid.NewGuid().ToString(),
            CreationTimestamp = now,
            ResourceVersion = null,
            DeletionTimestamp = null,
            DeletionGracePeriodSeconds = null,
            SelfLink = null,
        };
        var prepared = ObjectDefaults.Apply(Normalize(ObjectMetadata.With(value, metadata)));
        if (prepared is Pod pod)
        {
            prepared = pod with { Status = null };
        }
        Validate(kind, prepared);
        return prepared;
    }

    public static IKubernetesObject ForUpdate(ResourceKind kind, StoredObject current, IKubernetesObject value, string? @namespace, bool statusOnly)
    {
        var metadata = value.Metadata ?? new ObjectMeta();
        CheckNamespace(kind, metadata, @namespace);
        if (!string.IsNullOrEmpty(metadata.Name) && metadata.Name != current.Name)
        {
            throw Errors.BadRequest($"the name of the object ({metadata.Name}) does not match the name on the URL ({current.Name})");
        }
        if (metadata.ResourceVersion is { Length: > 0 } version && version != current.Object.Metadata?.ResourceVersion)
        {
            throw Errors.Conflict(kind.Resource, current.Name, "the object has been modified; please apply your changes to the latest version and try again");
        }
        var old = current.Object.Metadata!;
        var merged = statusOnly ? old : metadata with
        {
            Name = current.Name,
            Namespace = old.Namespace,
            Uid = old.Uid,
            CreationTimestamp = old.CreationTimestamp,
            DeletionTimestamp = old.DeletionTimestamp,
            DeletionGracePeriodSeconds = old.DeletionGracePeriodSeconds,
            ResourceVersion = old.ResourceVersion,
            GenerateName = old.GenerateName,
            ManagedFields = metadata.ManagedFields ?? old.ManagedFields,
        };
        var prepared = ObjectDefaults.Apply(Normalize(ObjectMetadata.With(value, merged)));
        if (prepared is Pod pod && current.Object is Pod stored)
        {
            // The main resource ignores status and pods/status ignores everything else (the registry's strategies).
            prepared = statusOnly ? stored with { Status = pod.Status } : pod with { Status = stored.Status };
        }
        Validate(kind, prepared);
        return prepared;
    }

    private static void CheckNamespace(ResourceKind kind, ObjectMeta metadata, string? @namespace)
    {
        if (kind.Namespaced && !string.IsNullOrEmpty(metadata.Namespace) && metadata.Namespace != @namespace)
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    // The apiserver stores a Secret's stringData as data (core/v1 conversion) and defaults an empty type to Opaque.
    private static IKubernetesObject Normalize(IKubernetesObject value)
    {
        if (value is Secret { Type: "" } untyped)
        {
            value = untyped with { Type = "Opaque" };
        }
        if (value is Secret { StringData: { Count: > 0 } stringData } secret)
        {
            var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>());
            foreach (var (key, text) in stringData)
            {
                data[key] = Encoding.UTF8.GetBytes(text);
            }
            return secret with { Data = data, StringData = null };
        }
        return value;
    }

    private static void Validate(ResourceKind kind, IKubernetesObject value)
    {
        var errors = ObjectValidator.Validate(value);
        if (errors.Count > 0)
        {
            throw Errors.Invalid(kind.Kind, value.Metadata?.Name ?? "", errors);
        }
    }
}
