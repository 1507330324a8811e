using System.CommandLine;
using Tandem.Cli.Lint;
using Tandem.Model.Lint;
using Tandem.Model.Manifests;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem lint FILE|DIR|- ...</c>: validation plus the sidecar-pattern checks no API server
/// makes. Exit code 0 when no finding reaches the failure threshold (errors by default), 1 when
/// one does, 2 when an input could not be read or the command line names an unknown rule.
/// </summary>
public static class LintCommand
{
    // Checked in the action rather than by the parser, so that a wrong value exits with 2 (a
    // usage error, ExitCodes.UsageOrInput) instead of the parser's 1, which means "findings".
    private static readonly string[] OutputFormats = ["text", "json", "sarif"];
    private static readonly string[] ColorModes = ["auto", "always", "never"];
    private static readonly string[] FailOnLevels = ["error", "warning", "info", "none"];

    /// <param name="standardInput">Where <c>-</c> reads from; the console's stdin unless a test supplies text.</param>
    public static Command Create(Func<TextReader>? standardInput = null)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Manifest files or directories (every .yaml, .yml and .json inside, recursively); - reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: text for people, json for scripts, sarif for code scanning.",
            DefaultValueFactory = _ => "text",
        };
        output.CompletionSources.Add(OutputFormats);
        var color = new Option<string>("--color")
        {
            Description = "Colour the text output: auto (only on a terminal, and not when NO_COLOR is set), always or never.",
            DefaultValueFactory = _ => "auto",
        };
        color.CompletionSources.Add(ColorModes);
        var disable = new Option<string[]>("--disable", "-d")
        {
            Description = "Do not run this rule (repeat the option or separate ids with commas).",
            HelpName = "rule",
            AllowMultipleArgumentsPerToken = false,
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Lowest severity that makes the exit code 1: error (default), warning, info, or none.",
            DefaultValueFactory = _ => "error",
        };
        failOn.CompletionSources.Add(FailOnLevels);
        var brief = new Option<bool>("--brief") { Description = "Text output: one line per finding, without why and fix." };
        var listRules = new Option<bool>("--list-rules") { Description = "Print every rule with its id, severity and summary, and exit." };

        var command = new Command("lint", "Check pod manifests for sidecar-pattern mistakes that no API server catches.")
        {
            files, output, color, disable, failOn, brief, listRules,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (Unsupported(stderr, "--output", parse.GetValue(output), OutputFormats)
                || Unsupported(stderr, "--color", parse.GetValue(color), ColorModes)
                || Unsupported(stderr, "--fail-on", parse.GetValue(failOn), FailOnLevels))
            {
                return Task.FromResult(ExitCodes.UsageOrInput);
            }
            var request = new LintRequest(
                parse.GetValue(files) ?? [],
                parse.GetValue(output) ?? "text",
                Enum.Parse<ColorMode>(parse.GetValue(color) ?? "auto", ignoreCase: true),
                (parse.GetValue(disable) ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                parse.GetValue(failOn) ?? "error",
                parse.GetValue(brief),
                parse.GetValue(listRules));
            return Task.FromResult(Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
                standardInput ?? (() => Console.In), cancellationToken));
        });
        return command;
    }

    private static bool Unsupported(TextWriter stderr, string option, string? value, string[] allowed)
    {
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }
        stderr.WriteLine($"tandem lint: {option} \"{value}\" is not supported; use one of: {string.Join(", ", allowed)}");
        return true;
    }

    private static int Run(LintRequest request, TextWriter stdout, TextWriter stderr, Func<TextReader> stdin, CancellationToken cancellationToken)
    {
        var rules = LintRules.All.Select(r => r.Info).ToList();
        if (request.ListRules)
        {
            if (request.Output == "json")
            {
                RuleListWriter.WriteJson(rules, stdout);
            }
            else
            {
                RuleListWriter.WriteText(rules, stdout);
            }
            return ExitCodes.Success;
        }
        if (request.Files.Count == 0)
        {
            stderr.WriteLine("tandem lint: no input; name manifest files or directories, or - for standard input (tandem lint --help)");
            return ExitCodes.UsageOrInput;
        }
        if (request.Disabled.FirstOrDefault(id => LintRules.Find(id) is null) is { } unknown)
        {
            stderr.WriteLine($"tandem lint: --disable names \"{unknown}\", which is not a rule; tandem lint --list-rules prints them all");
            return ExitCodes.UsageOrInput;
        }
        foreach (var empty in LintInputs.EmptyDirectories(request.Files))
        {
            stderr.WriteLine($"tandem lint: {empty}: no .yaml, .yml or .json files in this directory");
        }

        var paths = LintInputs.Expand(request.Files);
        var manifests = new List<LoadedManifest>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            manifests.Add(path == LintInputs.StandardInput
                ? ManifestLoader.Load(stdin().ReadToEnd(), LintInputs.StandardInput)
                : ManifestLoader.LoadFile(path));
        }
        var readErrors = manifests
            .Where(m => m.Unreadable)
            .SelectMany(m => m.Problems.Select(p => new LintReadError(p.Location, p.Message)))
            .ToList();
        var options = new LintOptions { Disabled = request.Disabled.ToHashSet(StringComparer.Ordinal) };
        var findings = Linter.Run(manifests, options);
        var ran = LintRules.All.Where(r => !options.Disabled.Contains(r.Info.Id)).Select(r => r.Info).ToList();
        var report = new LintReport(paths, findings, readErrors, ran);

        foreach (var error in readErrors)
        {
            stderr.WriteLine($"tandem lint: {error}");
        }
        ILintFormatter formatter = request.Output switch
        {
            "json" => new JsonLintFormatter(),
            "sarif" => new SarifLintFormatter(Environment.CurrentDirectory),
            _ => new TextLintFormatter(ColorDecision.Decide(request.Color, stdout, Environment.GetEnvironmentVariable), request.Brief),
        };
        formatter.Write(report, stdout);

        if (readErrors.Count > 0 || LintInputs.EmptyDirectories(request.Files).Any())
        {
            return ExitCodes.UsageOrInput;
        }
        return request.FailOn switch
        {
            "none" => ExitCodes.Success,
            "info" => findings.Count > 0 ? ExitCodes.Failure : ExitCodes.Success,
            "warning" => findings.Any(f => f.Severity >= LintSeverity.Warning) ? ExitCodes.Failure : ExitCodes.Success,
            _ => findings.Any(f => f.Severity == LintSeverity.Error) ? ExitCodes.Failure : ExitCodes.Success,
        };
    }

    private sealed record LintRequest(
        IReadOnlyList<string> Files,
        string Output,
        ColorMode Color,
        IReadOnlyList<string> Disabled,
        string FailOn,
        bool Brief,
        bool ListRules);
}
