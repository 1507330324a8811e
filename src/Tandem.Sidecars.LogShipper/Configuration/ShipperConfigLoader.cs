using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Reads a YAML configuration and validates it; a bad file throws with every error in it.</summary>
public static class ShipperConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new YamlScalarConverter())
        .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
        // The records expose read-only collections; YAML fills them through these concrete types.
        .WithTypeMapping<IReadOnlyList<InputConfig>, List<InputConfig>>()
        .WithTypeMapping<IReadOnlyList<FilterConfig>, List<FilterConfig>>()
        .WithTypeMapping<IReadOnlyList<OutputConfig>, List<OutputConfig>>()
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyDictionary<string, string>, Dictionary<string, string>>()
        .Build();

    public static ShipperConfig Load(string file)
    {
        string text;
        if (!System.IO.File.Exists(file))
        {
            throw new ShipperConfigException(file, ["no such file; pass the path of the shipper's YAML configuration (docs/sidecars/ship.md)"]);
        }
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ShipperConfigException(file, [$"cannot read the file: {ex.Message}"]);
        }
        return Parse(text, file);
    }

    public static ShipperConfig Parse(string yaml, string file = "<config>")
    {
        ShipperConfig config;
        try
        {
            config = Deserializer.Deserialize<ShipperConfig?>(yaml) ?? new ShipperConfig();
        }
        catch (YamlException ex)
        {
            // Report where the text is wrong; the innermost message says what (unknown key, bad value).
            var inner = ex;
            while (inner.InnerException is YamlException deeper)
            {
                inner = deeper;
            }
            var message = inner.InnerException?.Message ?? inner.Message;
            throw new ShipperConfigException(file, [$"line {ex.Start.Line}, column {ex.Start.Column}: {message}"]);
        }
        var errors = ShipperConfigValidator.Validate(config);
        return errors.Count > 0 ? throw new ShipperConfigException(file, errors) : config;
    }
}
