using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Simulation.Benchmarks -- --filter '*'` runs every benchmark; `--list flat`
// lists them; `--job short` trades precision for time; `--inProcess` skips building a project per run.
// BenchmarkDotNet builds a project per run: on a busy 2-core machine that takes longer than its default two minutes.
var config = ManualConfig.Create(DefaultConfig.Instance);
config.BuildTimeout = TimeSpan.FromMinutes(10);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
