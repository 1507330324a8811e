using Tandem.Server.Selectors;

namespace Tandem.Server.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Web = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app = web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web,db)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("missing notin (db)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("app=web,tier=front", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("app in (web),!missing,tier", true)]
    [InlineData("", true)]
    [InlineData("missing=", false)]
    [InlineData("app=", false)]
    public void Matches_FollowsTheOperatorSemantics(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Web));

    [Fact]
    public void Matches_NullLabels_OnlyNegativeRequirementsMatch()
    {
        Assert.True(LabelSelector.Parse("!app,app!=x,app notin (a)").Matches(null));
        Assert.False(LabelSelector.Parse("app").Matches(null));
    }

    [Fact]
    public void Parse_InAsAValue_IsAnIdentifier()
    {
        var selector = LabelSelector.Parse("mode=in");
        Assert.True(selector.Matches(new Dictionary<string, string> { ["mode"] = "in" }));
    }

    [Theory]
    [InlineData("app=web,", "found '', expected: identifier after ','")]
    [InlineData("=web", "found '=', expected: !, identifier, or 'end of string'")]
    [InlineData("app web", "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("app=web web", "found 'web', expected: ',' or 'end of string'")]
    [InlineData("app in web", "unable to parse requirement: found 'web' expected: '('")]
    [InlineData("app in (web", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("app=(x)", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("!app=x", "found '=', expected: ',' or 'end of string'")]
    [InlineData("app (x)", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt")]
    public void Parse_Malformed_GivesTheApiServerMessage(string selector, string message)
    {
        var exception = Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Parse_InvalidKey_IsRejectedWithTheValidationMessage()
    {
        Assert.False(LabelSelector.TryParse("-bad=x", out _, out var error));
        Assert.StartsWith("unable to parse requirement: <nil>: Invalid value: \"-bad\": name part must consist of", error);
    }

    [Fact]
    public void Parse_InvalidValue_IsRejectedWithTheValidationMessage()
    {
        Assert.False(LabelSelector.TryParse("app=-x-", out _, out var error));
        Assert.StartsWith("unable to parse requirement: values[0][app]: Invalid value: \"-x-\": a valid label must be", error);
    }
}
