using CommandLine;
using Pgvec.Commands;
using Pgvec.CommandLine;

namespace Pgvec.Options;

[Verb("devices", HelpText = "Lists the accelerators ILGPU finds and the one --device auto picks.")]
public sealed class DevicesOptions : ICommand
{
    public int Execute(TextWriter stdout, TextWriter stderr) => DeviceListing.Print(stdout, stderr);
}
