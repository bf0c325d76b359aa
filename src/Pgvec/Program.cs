return Pgvec.Cli.Run(args, Console.Out, Console.Error);
