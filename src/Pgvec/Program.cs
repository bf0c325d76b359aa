Pgvec.Interruption.Install();
// Under mpirun or srun every rank joins the job; started alone, pgvec never loads MPI.
return PolicyGradient.Distributed.MpiLaunch.FromEnvironment() is { } launch
    ? Pgvec.Cli.Run(args, Console.Out, Console.Error, launch)
    : Pgvec.Cli.Run(args, Console.Out, Console.Error);
