using System.Text.Json;
using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;
using Tandem.Model.Serialization;

namespace Tandem.Model.Tests.Primitives;

public sealed class IntOrStringTests
{
    [Fact]
    public void Json_NumberAndName_RoundTripAsWritten()
    {
        var number = JsonSerializer.Deserialize("""{"port":8080}""", KubernetesJsonContext.Default.TcpSocketAction)!;
        var name = JsonSerializer.Deserialize("""{"port":"http"}""", KubernetesJsonContext.Default.TcpSocketAction)!;

        Assert.Equal(8080, number.Port!.Value.IntValue);
        Assert.Equal("http", name.Port!.Value.StringValue);
        Assert.Equal("""{"port":8080}""", JsonSerializer.Serialize(number, KubernetesJsonContext.Default.TcpSocketAction));
        Assert.Equal("""{"port":"http"}""", JsonSerializer.Serialize(name, KubernetesJsonContext.Default.TcpSocketAction));
    }

    [Fact]
    public void ToString_PrintsTheValue()
    {
        Assert.Equal("80", IntOrString.FromInt(80).ToString());
        Assert.Equal("web", IntOrString.FromString("web").ToString());
    }
}
