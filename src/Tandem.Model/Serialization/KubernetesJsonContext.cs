using System.Text.Json.Serialization;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Primitives;

namespace Tandem.Model.Serialization;

/// <summary>
/// Source-generated JSON for every API type Tandem serves: camelCase names, null fields omitted,
/// times as RFC 3339 in UTC, as the Kubernetes API writes them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RfcTimeJsonConverter)])]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Status))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
