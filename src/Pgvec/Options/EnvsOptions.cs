using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("envs", HelpText = "Lists the built-in environments --env takes: observations, actions, time limit, reward threshold, and a uniformly random policy's mean return over 100 episodes on the float64 reference.")]
internal sealed class EnvsOptions : ICommand
{
    [Option("json", Default = false, HelpText = "Print one JSON object instead of text, for scripts.")]
    public bool Json { get; set; }

    public int Execute(TextWriter stdout, TextWriter stderr) => EnvironmentListing.Print(Json, stdout);
}
