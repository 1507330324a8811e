using System.Net;

namespace Tandem.Sidecars.Admin.Tests;

/// <summary>
/// The 403 branch of <c>/shutdown</c> cannot be reached from a test without a non-loopback
/// interface (tests only use 127.0.0.1), so the decision itself is tested with address values.
/// </summary>
public sealed class LoopbackPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.3.4.5", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("::ffff:10.0.0.7", false)]
    [InlineData("fe80::1", false)]
    public void IsLocalCaller_AcceptsOnlyLoopback(string address, bool expected)
    {
        Assert.Equal(expected, LoopbackPolicy.IsLocalCaller(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsLocalCaller_WithUnknownPeer_Refuses()
    {
        Assert.False(LoopbackPolicy.IsLocalCaller(null));
    }
}
