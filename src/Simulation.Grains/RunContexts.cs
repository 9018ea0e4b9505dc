using System.Runtime.CompilerServices;
using Simulation.Model.Engine;

namespace Simulation.Grains;

/// <summary>
/// Grains of one run on one silo receive the same RunSpec instance (Immutable&lt;T&gt; is not copied), so they share
/// one derived <see cref="RunContext"/>; a spec that arrived from another silo simply builds its own, equal one.
/// </summary>
internal static class RunContexts
{
    private static readonly ConditionalWeakTable<RunSpec, RunContext> Cache = new();

    public static RunContext For(RunSpec spec) => Cache.GetValue(spec, s => new RunContext(s));
}
