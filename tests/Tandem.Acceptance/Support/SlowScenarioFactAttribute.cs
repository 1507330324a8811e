using Tandem.Testing;

namespace Tandem.Acceptance.Support;

/// <summary>
/// A scenario too slow for CI (minutes of back-off): skipped unless <c>TANDEM_SLOW_TESTS=1</c>; when enabled it behaves
/// like <see cref="PrerequisiteFactAttribute"/>. Tests using it also carry <c>[Trait("Category", "Slow")]</c>.
/// </summary>
public sealed class SlowScenarioFactAttribute : FactAttribute
{
    public SlowScenarioFactAttribute(params string[] requirements)
    {
        if (Environment.GetEnvironmentVariable("TANDEM_SLOW_TESTS") != "1")
        {
            Skip = "slow scenario (about 15 minutes of back-off), not for CI: set TANDEM_SLOW_TESTS=1 to run it";
        }
        else if (Prerequisites.FindMissing(requirements) is { } missing && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
