namespace Tandem.Sidecars.Admin.Tests;

public sealed class SidecarRuntimeTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["DOTNET_GCgen0size"] = "0x400000",
        ["DOTNET_TieredPGO"] = "0",
    };

    [Fact]
    public void TunedEnvironment_AddsEveryMissingSettingAndTheMarker_KeepingTheRest()
    {
        var current = new Dictionary<string, string> { ["PATH"] = "/usr/bin", ["HOME"] = "/root" };

        var tuned = SidecarRuntime.TunedEnvironment(current, Settings);

        Assert.NotNull(tuned);
        Assert.Equal("/usr/bin", tuned["PATH"]);
        Assert.Equal("/root", tuned["HOME"]);
        Assert.Equal("0x400000", tuned["DOTNET_GCgen0size"]);
        Assert.Equal("0", tuned["DOTNET_TieredPGO"]);
        Assert.Equal("tuned", tuned[SidecarRuntime.MarkerVariable]);
        Assert.Equal(5, tuned.Count);
    }

    [Fact]
    public void TunedEnvironment_NeverOverridesAValueTheUserSet()
    {
        var current = new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x10000000" };

        var tuned = SidecarRuntime.TunedEnvironment(current, Settings);

        Assert.NotNull(tuned);
        Assert.Equal("0x10000000", tuned["DOTNET_GCgen0size"]);
        Assert.Equal("0", tuned["DOTNET_TieredPGO"]);
    }

    [Fact]
    public void TunedEnvironment_IsNullWhenEverySettingIsAlreadySet_SoNothingReexecutes()
    {
        var current = new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x800000", ["DOTNET_TieredPGO"] = "1" };

        Assert.Null(SidecarRuntime.TunedEnvironment(current, Settings));
    }

    [Theory]
    [InlineData("tuned")]
    [InlineData("default")]
    public void TunedEnvironment_IsNullOnceTunedOrWhenTheUserOptedOut(string marker)
    {
        var current = new Dictionary<string, string> { [SidecarRuntime.MarkerVariable] = marker };

        Assert.Null(SidecarRuntime.TunedEnvironment(current, Settings));
    }

    [Fact]
    public void CommonSettings_AreAllRuntimeVariables()
    {
        Assert.All(SidecarRuntime.Common.Keys, name => Assert.StartsWith("DOTNET_", name, StringComparison.Ordinal));
        Assert.Contains("DOTNET_TieredPGO", SidecarRuntime.Common.Keys);
    }
}
