using Xunit;

namespace Tandem.Testing;

/// <summary>The theory form of <see cref="PrerequisiteFactAttribute"/>.</summary>
public sealed class PrerequisiteTheoryAttribute : TheoryAttribute
{
    public PrerequisiteTheoryAttribute(params string[] requirements)
    {
        var missing = Prerequisites.FindMissing(requirements);
        if (missing is not null && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
