using System.CommandLine;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem completion bash|zsh</c>: prints a script that asks tandem itself for suggestions
/// through System.CommandLine's <c>[suggest]</c> directive, so completions never drift from the
/// real command tree.
/// </summary>
public static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell to complete for: bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script (source it from your shell's rc file).") { shell };
        command.SetAction(parse =>
        {
            var script = parse.GetValue(shell) == "zsh" ? ZshScript : BashScript;
            parse.InvocationConfiguration.Output.Write(script);
            return ExitCodes.Success;
        });
        return command;
    }

    private const string BashScript = """
        # tandem bash completion: eval "$(tandem completion bash)"
        _tandem_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(tandem "[suggest:${#COMP_LINE}]" "$COMP_LINE" 2>/dev/null) )
        }
        complete -o default -F _tandem_complete tandem

        """;

    private const string ZshScript = """
        # tandem zsh completion: eval "$(tandem completion zsh)"
        _tandem_complete() {
            local -a completions
            completions=("${(@f)$(tandem "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
            compadd -- $completions
        }
        compdef _tandem_complete tandem

        """;
}
