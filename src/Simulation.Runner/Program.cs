return await Simulation.Runner.Cli.App.RunAsync(args);
