using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Reads <see cref="TimeSpan"/> and <see cref="ByteSize"/> scalars, so a typo fails at its line and column.</summary>
internal sealed class YamlScalarConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(TimeSpan) || type == typeof(ByteSize);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(TimeSpan))
        {
            return Duration.TryParse(scalar.Value, out var span)
                ? span
                : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a duration; write e.g. 250ms, 5s or 2m");
        }
        return ByteSize.TryParse(scalar.Value, out var size)
            ? size
            : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a size; write e.g. 4096, 256KiB or 16MiB");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value?.ToString() ?? ""));
}
