using Tandem.Cli.Api;
using Tandem.Cli.Commands.Client;

namespace Tandem.Cli.Tests.Client;

public sealed class ClientErrorsTests
{
    [Fact]
    public void NotFound_IsPrintedAsKubectlDoes()
    {
        var status = KubeClient.Decode(404, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nope\" not found","reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}""");

        Assert.Equal("Error from server (NotFound): pods \"nope\" not found", ClientErrors.FromServer(new ApiException(status)));
    }

    [Fact]
    public void AlreadyExists_NamesTheFile()
    {
        var status = KubeClient.Decode(409, """{"kind":"Status","status":"Failure","message":"pods \"web2\" already exists","reason":"AlreadyExists","code":409}""");

        Assert.Equal("Error from server (AlreadyExists): error when creating \"podc.yaml\": pods \"web2\" already exists",
            ClientErrors.FromServer(new ApiException(status), "error when creating \"podc.yaml\": "));
    }

    [Fact]
    public void Invalid_IsBuiltFromTheCauses_OneOnTheLine_SeveralAsAList()
    {
        var one = KubeClient.Decode(422, """{"kind":"Status","status":"Failure","message":"ignored","reason":"Invalid","details":{"kind":"Pod","name":"bad","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers"}]},"code":422}""");
        var two = KubeClient.Decode(422, """{"kind":"Status","status":"Failure","message":"ignored","reason":"Invalid","details":{"kind":"Pod","name":"bad","causes":[{"message":"Required value","field":"spec.a"},{"message":"Invalid value","field":"spec.b"}]},"code":422}""");

        Assert.Equal("The Pod \"bad\" is invalid: spec.containers: Required value", ClientErrors.FromServer(new ApiException(one)));
        Assert.Equal("The Pod \"bad\" is invalid: \n* spec.a: Required value\n* spec.b: Invalid value", ClientErrors.FromServer(new ApiException(two)));
    }

    [Fact]
    public void NonStatusBodies_GetClientGosGenericMessages()
    {
        Assert.Equal("Error from server (NotFound): the server could not find the requested resource",
            ClientErrors.FromServer(new ApiException(KubeClient.Decode(404, "404 page not found"))));
        Assert.Equal("error: You must be logged in to the server (Unauthorized)",
            ClientErrors.FromServer(new ApiException(KubeClient.Decode(401, ""))));
    }
}
