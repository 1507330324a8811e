using Tandem.Runtime.Runc;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>Kubernetes' command/args/env rules against an image config, without a machine.</summary>
public sealed class ContainerProcessTests
{
    private static readonly ImageInfo Image = new()
    {
        Id = "sha256:test",
        Entrypoint = ["/entry"],
        Cmd = ["default"],
        Env = ["PATH=/bin", "A=image", "B=image"],
    };

    [Theory]
    [InlineData(new string[0], new string[0], new[] { "/entry", "default" })]
    [InlineData(new string[0], new[] { "x" }, new[] { "/entry", "x" })]
    [InlineData(new[] { "/cmd" }, new string[0], new[] { "/cmd" })]
    [InlineData(new[] { "/cmd" }, new[] { "y" }, new[] { "/cmd", "y" })]
    public void Args_FollowKubernetesRules(string[] command, string[] args, string[] expected)
    {
        var config = new ContainerConfig { Name = "c", Image = "i", LogPath = "/l", Command = command, Args = args };

        Assert.Equal(expected, ContainerProcess.Args(config, Image));
    }

    [Fact]
    public void Env_PodReplacesImageInPlaceAndLaterEntriesWin()
    {
        var config = new ContainerConfig
        {
            Name = "c",
            Image = "i",
            LogPath = "/l",
            Env = [new("B", "pod"), new("C", "first"), new("C", "second")],
        };

        Assert.Equal(["PATH=/bin", "A=image", "B=pod", "HOSTNAME=web", "C=second"], ContainerProcess.Env(config, Image, "web"));
    }

    [Fact]
    public void Env_WithoutPathInImage_GetsTheDefaultPath()
    {
        var config = new ContainerConfig { Name = "c", Image = "i", LogPath = "/l" };

        Assert.Equal(ContainerProcess.DefaultPath, ContainerProcess.Env(config, Image with { Env = [] }, "web")[0]);
    }

    [Theory]
    [InlineData(null, 15)]
    [InlineData("SIGQUIT", 3)]
    [InlineData("QUIT", 3)]
    [InlineData("9", 9)]
    [InlineData("SIGUSR1", 10)]
    public void Signals_ParseImageStopSignals(string? name, int expected)
    {
        Assert.Equal(expected, Signals.Parse(name));
    }
}
