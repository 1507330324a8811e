using Tandem.Cli.Hosting;

namespace Tandem.Cli.Tests.Hosting;

public sealed class NodeStateOptionsTests
{
    [Fact]
    public void Flag_WinsOverEnvironment()
    {
        Assert.Equal("/srv/flag", NodeStateOptions.Resolve("/srv/flag", _ => "/srv/env"));
    }

    [Fact]
    public void Environment_WinsOverDefault()
    {
        Assert.Equal("/srv/env", NodeStateOptions.Resolve(null, name => name == "TANDEM_STATE_DIR" ? "/srv/env" : null));
    }

    [Fact]
    public void NeitherGiven_IsVarLibTandem()
    {
        Assert.Equal("/var/lib/tandem", NodeStateOptions.Resolve(null, _ => null));
        Assert.Equal("/var/lib/tandem", NodeStateOptions.Resolve("", _ => ""));
    }

    [Fact]
    public void RelativePath_IsMadeAbsolute()
    {
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "state"), NodeStateOptions.Resolve("state", _ => null));
    }

    [Fact]
    public void StateDirOption_FollowsAnySubcommand()
    {
        var parse = TandemCommandLine.Build().Parse(["image", "ls", "--state-dir", "/srv/x"]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void NotRoot_IsToldWhichVerbNeedsRootAndWhy()
    {
        Assert.Null(RootRequirement.Problem("image pull", "/var/lib/tandem", isRoot: true));
        Assert.StartsWith("tandem image pull needs root: it keeps images and containers in /var/lib/tandem", RootRequirement.Problem("image pull", "/var/lib/tandem", isRoot: false));
    }

    [Fact]
    public void RuntimeOptions_UseTheStateDir_AndTheHostPrefixFromTheEnvironment()
    {
        var options = RuntimeFactory.Options("/srv/state", name => name == "TANDEM_HOST_PREFIX" ? "t1" : null);
        var defaults = RuntimeFactory.Options("/srv/state", _ => null);

        Assert.Equal(("/srv/state", "t1"), (options.StateRoot, options.HostPrefix));
        Assert.Equal("tandem", defaults.HostPrefix);
    }
}
