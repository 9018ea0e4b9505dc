using Simulation.Model.Engine;

namespace Simulation.Runner.Cli;

/// <summary>
/// A bigger world for `bench --scale` only: the real countries repeated, in order, until there are the asked number,
/// the first time under their own codes, then each copy under a code of its own (S0196, S0197, ...). Vendors stay the real ones, so their capacity is scarcer than in
/// the real world: a load test of the engine, never a scenario anyone should read results from.
/// </summary>
public static class SyntheticWorld
{
    public static RunSpec Of(RunSpec spec, int countries)
    {
        var real = spec.Countries;
        return spec with
        {
            // The first copy keeps the real codes, so a scenario's policies and groups that name countries still apply.
            Countries = [.. Enumerable.Range(0, countries).Select(i => i < real.Length ? real[i] : real[i % real.Length] with
            {
                Iso3 = $"S{i:D4}",
                Name = $"{real[i % real.Length].Name} ({i / real.Length + 1})",
            })],
        };
    }
}
