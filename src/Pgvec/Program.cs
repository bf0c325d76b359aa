Pgvec.Interruption.Install();
return Pgvec.Cli.Run(args, Console.Out, Console.Error);
