using System.Runtime.CompilerServices;
using Simulation.Model.Scenarios;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Policies;

/// <summary>
/// The compiled policies of each scenario instance in this process. The loader (and <c>LoadedScenario.With</c> for a
/// changed copy) compiles them while validating and remembers the result, so <see cref="Engine.RunSpec.Create"/>
/// compiles nothing; the spec carries them to the engines and to silos in other processes. Only a scenario built in
/// code without validation (a test's) compiles here. Keyed by the instance: a scenario names its world files, and
/// vendor overrides change no vendor's id or home, which is all targets use.
/// </summary>
public static class PolicyBooks
{
    private static readonly ConditionalWeakTable<Scenario, PolicyBook> Compiled = new();

    public static void Remember(Scenario scenario, PolicyBook policies) => Compiled.AddOrUpdate(scenario, policies);

    public static PolicyBook For(Scenario scenario, WorldData world, Calendar calendar) => Compiled.GetValue(scenario, s =>
        PolicyCompiler.Compile(s, world, calendar,
            (path, message, _) => throw new InvalidOperationException($"scenario was not validated: {path}: {message}")));
}
