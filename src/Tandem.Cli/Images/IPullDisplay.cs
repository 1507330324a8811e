using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>Shows one pull's progress; <see cref="Finish"/> ends its output so the result line can follow.</summary>
public interface IPullDisplay : IProgress<PullProgress>
{
    void Finish();
}
