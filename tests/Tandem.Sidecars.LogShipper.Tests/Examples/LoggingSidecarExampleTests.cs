using Tandem.Sidecars.LogShipper.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tandem.Sidecars.LogShipper.Tests.Examples;

/// <summary>examples/logging-sidecar.yaml: the shipper configuration inside its ConfigMap is valid and means what the comments say.</summary>
public sealed class LoggingSidecarExampleTests
{
    [Fact]
    public void ExampleConfigMap_HoldsAValidShipperConfiguration()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(root, "examples", "logging-sidecar.yaml"))));
        var configMap = (YamlMappingNode)stream.Documents[0].RootNode;
        var data = (YamlMappingNode)configMap.Children[new YamlScalarNode("data")];
        var shipYaml = ((YamlScalarNode)data.Children[new YamlScalarNode("ship.yaml")]).Value!;
        var config = ShipperConfigLoader.Parse(shipYaml, "examples/logging-sidecar.yaml");
        Assert.Equal(["/var/log/app/app.log*"], config.Inputs.Single().Include);
        Assert.Equal(OutputType.Stdout, config.Outputs.Single().Type);
        Assert.Equal(9902, config.Admin.Port);
    }
}
