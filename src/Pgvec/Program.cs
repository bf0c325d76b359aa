// Under mpirun or srun every rank joins the job; started alone, pgvec never loads MPI.
var launch = PolicyGradient.Distributed.MpiLaunch.FromEnvironment();
// Under MPI no rank announces an interrupt: there a SIGTERM is mostly mpirun ending a job after
// another rank failed, and rank 0's summary line says "interrupted" when the run was.
Pgvec.Interruption.Install(announce: launch is null);
return launch is not null
    ? Pgvec.Cli.Run(args, Console.Out, Console.Error, launch)
    : Pgvec.Cli.Run(args, Console.Out, Console.Error);
