using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Simulation.Benchmarks -- --filter '*'` runs every benchmark; `--list flat`
// lists them; `--job short` trades precision for time on a busy machine.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
