// Under mpirun or srun every rank joins the job; started alone, pgvec never loads MPI.
var launch = PolicyGradient.Distributed.MpiLaunch.FromEnvironment();
Pgvec.Interruption.Install(announce: launch is null || launch.Rank == 0);
return launch is not null
    ? Pgvec.Cli.Run(args, Console.Out, Console.Error, launch)
    : Pgvec.Cli.Run(args, Console.Out, Console.Error);
