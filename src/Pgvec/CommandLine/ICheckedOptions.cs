namespace Pgvec.CommandLine;

/// <summary>
/// Options that need more than each value's own rule: files they name, options that exclude each
/// other, or which options were given at all. Checked once every value has passed its rule, so a
/// bad combination or a bad input file is a usage error before anything runs.
/// </summary>
internal interface ICheckedOptions
{
    /// <returns>The command to run: these options, completed (e.g. from a checkpoint).</returns>
    ICommand Check(ArgumentScan scan);
}
