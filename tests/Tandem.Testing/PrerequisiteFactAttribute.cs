using Xunit;

namespace Tandem.Testing;

/// <summary>
/// A fact that is skipped with the reason when a prerequisite is missing, except under
/// <c>CI=true</c>, where it runs so that the test fails. Tests using it should start with
/// <see cref="Prerequisites.Require"/> so that failure names what is missing.
/// </summary>
public sealed class PrerequisiteFactAttribute : FactAttribute
{
    public PrerequisiteFactAttribute(params string[] requirements)
    {
        var missing = Prerequisites.FindMissing(requirements);
        if (missing is not null && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
