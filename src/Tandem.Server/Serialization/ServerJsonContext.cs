using System.Text.Json.Serialization;
using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Server;

/// <summary>Source-generated JSON for the server's own documents (the namespace file, DeleteOptions).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RfcTimeJsonConverter)])]
[JsonSerializable(typeof(List<Namespace>))]
[JsonSerializable(typeof(Resources.DeleteOptions))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
