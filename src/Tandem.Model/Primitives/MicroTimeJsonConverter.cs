using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Model.Primitives;

/// <summary>Writes <c>2026-01-02T03:04:05.123456Z</c>; reads any RFC 3339 time.</summary>
public sealed class MicroTimeJsonConverter : JsonConverter<MicroTime>
{
    public override MicroTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(RfcTimeJsonConverter.ParseRfc3339(reader.GetString()));

    public override void Write(Utf8JsonWriter writer, MicroTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
