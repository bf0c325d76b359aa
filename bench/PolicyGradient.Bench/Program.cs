// The benchmark suite as a console of its own: `pgvec bench` with the PyTorch peer on by default.
// The peers are copied beside the program, so it runs from any folder:
//   dotnet run -c Release --project bench/PolicyGradient.Bench -- --device cpu
string[] bench = args.Contains("--peer-python") ? ["bench", .. args] : ["bench", "--peer-python", "python3", .. args];
return Pgvec.Cli.Run(bench, Console.Out, Console.Error);
