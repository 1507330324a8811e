using Microsoft.IdentityModel.Tokens;
using Tandem.Sidecars.Proxy.Auth;
using Tandem.Testing;

namespace Tandem.Sidecars.Proxy.Tests.Auth;

public sealed class ValidatedTokensTests
{
    private static readonly CallerIdentity Alice = new("jwt", "alice", [], new Dictionary<string, IReadOnlyList<string>>());
    private readonly ManualTimeProvider _time = new();
    private readonly IList<SecurityKey> _keys = [];

    [Fact]
    public void AValidatedToken_IsKnownUntilItExpires_AndNotAfter()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", Alice, _time.GetUtcNow().AddSeconds(30), _keys);

        Assert.True(tokens.TryGet("t1", _keys, out var identity));
        Assert.Same(Alice, identity);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(tokens.TryGet("t1", _keys, out _));
        Assert.Equal(0, tokens.Count);
    }

    [Fact]
    public void ALongLivedToken_IsTrustedForTheMaximumAgeOnly()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", Alice, _time.GetUtcNow().AddDays(1), _keys);

        _time.Advance(ValidatedTokens.MaximumAge - TimeSpan.FromSeconds(1));
        Assert.True(tokens.TryGet("t1", _keys, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tokens.TryGet("t1", _keys, out _));
    }

    [Fact]
    public void ANewKeySet_MakesEveryTokenBeValidatedAgain()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", Alice, _time.GetUtcNow().AddMinutes(1), _keys);

        Assert.False(tokens.TryGet("t1", new List<SecurityKey>(), out _));
    }

    [Fact]
    public void AnAlreadyExpiredToken_IsNotKept()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", Alice, _time.GetUtcNow(), _keys);

        Assert.Equal(0, tokens.Count);
    }

    [Fact]
    public void TheCacheNeverHoldsMoreThanItsCapacity()
    {
        var tokens = new ValidatedTokens(_time, capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            tokens.Add($"t{i}", Alice, _time.GetUtcNow().AddMinutes(1), _keys);
            Assert.InRange(tokens.Count, 1, 3);
        }
        Assert.True(tokens.TryGet("t9", _keys, out _));
    }
}
